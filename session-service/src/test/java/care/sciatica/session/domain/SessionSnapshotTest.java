package care.sciatica.session.domain;

import static care.sciatica.contracts.common.TreatmentStep.MASSAGE_AREA_AND_SPINE;
import static care.sciatica.session.domain.SessionFixtures.assertRefused;
import static care.sciatica.session.domain.SessionFixtures.minute;
import static org.assertj.core.api.Assertions.assertThat;

import care.sciatica.contracts.EventJson;
import care.sciatica.contracts.session.EndReason;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.Test;

/** A session stored as a snapshot and restored between two calls is the same session and obeys the same rules. */
class SessionSnapshotTest {

    @Test
    void aRestoredSessionHasTheSameSnapshot() {
        TreatmentSession session = SessionWalks.sacroiliac().session();

        assertThat(TreatmentSession.restore(session.snapshot()).snapshot()).isEqualTo(session.snapshot());
    }

    @Test
    void aRestoredSessionStillKnowsTheHeatIsOn() {
        TreatmentSession stored = SessionFixtures.underHeat(TreatmentPlans.sacroiliac());

        TreatmentSession restored = TreatmentSession.restore(stored.snapshot());

        assertRefused(restored, () -> restored.performStep(StepReport.performed(MASSAGE_AREA_AND_SPINE,
                StepParameters.none()), minute(20)), SessionRule.MASSAGE_UNDER_HEAT, "heat is still applied");
        assertThat(restored.removeHeat(minute(25))).isEqualTo(stored.removeHeat(minute(25)));
        assertThat(restored.snapshot()).isEqualTo(stored.snapshot());
    }

    @Test
    void theSameCommandsGiveTheSameEventsOnARestoredSession() {
        TreatmentSession original = SessionFixtures.consented(TreatmentPlans.lumbar());
        TreatmentSession restored = TreatmentSession.restore(original.snapshot());

        assertThat(restored.endEarly(EndReason.PATIENT_UNWELL, minute(9)))
                .isEqualTo(original.endEarly(EndReason.PATIENT_UNWELL, minute(9)));
    }

    @Test
    void theSnapshotTravelsAsJson() throws JsonProcessingException {
        SessionSnapshot snapshot = SessionWalks.lumbar().session().snapshot();

        String json = EventJson.mapper().writeValueAsString(snapshot);

        assertThat(EventJson.mapper().readValue(json, SessionSnapshot.class)).isEqualTo(snapshot);
    }

    @Test
    void aSnapshotStoredBeforeTheEpisodeOfCareIsTheFirstVisitsSession() throws JsonProcessingException {
        SessionSnapshot snapshot = SessionWalks.lumbar().session().snapshot();
        String json = EventJson.mapper().writeValueAsString(snapshot);
        assertThat(json).contains("\"visit\":1,");

        SessionSnapshot stored = EventJson.mapper().readValue(json.replace("\"visit\":1,", ""), SessionSnapshot.class);

        assertThat(stored.plan().visit()).isEqualTo(1);
        assertThat(stored).isEqualTo(snapshot);
    }
}
