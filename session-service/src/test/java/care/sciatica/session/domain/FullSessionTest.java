package care.sciatica.session.domain;

import static care.sciatica.contracts.common.TreatmentStep.EXPLANATION_AND_CONSENT;
import static care.sciatica.contracts.common.TreatmentStep.HEAT;
import static care.sciatica.contracts.common.TreatmentStep.HIP_TRACTION;
import static care.sciatica.contracts.common.TreatmentStep.ICE_MASSAGE;
import static care.sciatica.contracts.common.TreatmentStep.LUMBAR_MOBILISATION;
import static care.sciatica.contracts.common.TreatmentStep.MASSAGE_AREA_AND_SPINE;
import static care.sciatica.contracts.common.TreatmentStep.MASSAGE_LEG_UNDER_HEAT;
import static care.sciatica.contracts.common.TreatmentStep.PALPATION;
import static care.sciatica.contracts.common.TreatmentStep.SIJ_MOBILISATION;
import static care.sciatica.session.domain.SessionFixtures.CLINICAL_LEAD_REF;
import static care.sciatica.session.domain.SessionFixtures.minute;
import static org.assertj.core.api.Assertions.assertThat;

import care.sciatica.contracts.common.Advice;
import care.sciatica.contracts.common.Origin;
import care.sciatica.contracts.session.DeviationReason;
import care.sciatica.session.domain.SessionOutcome.Skipped;
import care.sciatica.session.domain.SessionWalks.Walk;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A whole session for each origin's plan, walked from the explanation to COMPLETED, and the outcome it reports. */
class FullSessionTest {

    @Test
    void lumbarPlanWithoutIce() {
        Walk walk = SessionWalks.lumbar();

        assertThat(walk.session().state()).isEqualTo(SessionState.COMPLETED);
        assertThat(outcome(walk)).isEqualTo(new SessionOutcome(6, 4, -2,
                List.of(EXPLANATION_AND_CONSENT, PALPATION, HEAT, MASSAGE_LEG_UNDER_HEAT,
                        MASSAGE_AREA_AND_SPINE, LUMBAR_MOBILISATION),
                List.of(new Skipped(HIP_TRACTION, DeviationReason.PATIENT_PREFERENCE)),
                List.of(Advice.SITTING_CUSHION, Advice.EXERCISE, Advice.ACTIVITY_MODIFICATION)));
        assertThat(walk.session().plan().primaryOrigin()).isEqualTo(Origin.LUMBAR);
    }

    @Test
    void sacroiliacPlanWithSijMobilisation() {
        Walk walk = SessionWalks.sacroiliac();

        assertThat(walk.session().state()).isEqualTo(SessionState.COMPLETED);
        SessionOutcome outcome = outcome(walk);
        assertThat(outcome.stepsPerformed()).containsExactly(EXPLANATION_AND_CONSENT, PALPATION, ICE_MASSAGE, HEAT,
                MASSAGE_LEG_UNDER_HEAT, MASSAGE_AREA_AND_SPINE, HIP_TRACTION, LUMBAR_MOBILISATION, SIJ_MOBILISATION);
        assertThat(outcome.stepsSkipped()).isEmpty();
        assertThat(outcome.painChange()).isEqualTo(-4);
    }

    @Test
    void piriformisPlanWithHipTractionExcludedAfterAHipReplacement() {
        Walk walk = SessionWalks.piriformisAfterHipReplacement();

        assertThat(walk.session().state()).isEqualTo(SessionState.COMPLETED);
        SessionOutcome outcome = outcome(walk);
        assertThat(outcome.stepsPerformed()).containsExactly(EXPLANATION_AND_CONSENT, PALPATION, ICE_MASSAGE, HEAT,
                MASSAGE_LEG_UNDER_HEAT, MASSAGE_AREA_AND_SPINE, LUMBAR_MOBILISATION);
        assertThat(outcome.stepsSkipped()).isEmpty();
        assertThat(outcome.adviceGiven()).containsExactly(Advice.SITTING_CUSHION, Advice.EXERCISE);
        assertThat(outcome.painChange()).isEqualTo(-3);
    }

    @Test
    void anExcludedHipTractionWithAClinicalLeadsOverrideIsRecordedAsAModifiedStep() {
        TreatmentSession session = SessionFixtures.consented(TreatmentPlans.piriformisAfterHipReplacement());

        session.performStep(StepReport.modified(HIP_TRACTION, StepParameters.none(),
                DeviationReason.CLINICAL_LEAD_OVERRIDE).overriddenBy(CLINICAL_LEAD_REF, "surgeon cleared traction"),
                minute(10));

        assertThat(session.snapshot().steps()).singleElement().satisfies(step -> {
            assertThat(step.deviationReason()).isEqualTo(DeviationReason.CLINICAL_LEAD_OVERRIDE);
            assertThat(step.override())
                    .isEqualTo(new ClinicalLeadOverride(CLINICAL_LEAD_REF, "surgeon cleared traction"));
        });
    }

    private static SessionOutcome outcome(Walk walk) {
        return walk.events().stream()
                .filter(SessionEvent.Completed.class::isInstance)
                .map(SessionEvent.Completed.class::cast)
                .findFirst()
                .orElseThrow()
                .outcome();
    }
}
