package care.sciatica.session.domain;

import static care.sciatica.contracts.common.TreatmentStep.HEAT;
import static care.sciatica.contracts.common.TreatmentStep.ICE_MASSAGE;
import static care.sciatica.contracts.common.TreatmentStep.MASSAGE_AREA_AND_SPINE;
import static care.sciatica.contracts.common.TreatmentStep.PALPATION;
import static care.sciatica.session.domain.SessionFixtures.assertRefused;
import static care.sciatica.session.domain.SessionFixtures.consented;
import static care.sciatica.session.domain.SessionFixtures.heat;
import static care.sciatica.session.domain.SessionFixtures.minute;
import static care.sciatica.session.domain.SessionFixtures.opened;
import static care.sciatica.session.domain.SessionFixtures.underHeat;
import static org.assertj.core.api.Assertions.assertThat;

import care.sciatica.contracts.common.Advice;
import care.sciatica.contracts.common.BodySite;
import care.sciatica.contracts.session.DeviationReason;
import care.sciatica.contracts.session.EndReason;
import care.sciatica.contracts.session.EndState;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a session needs before it completes, heat removal, pain scores, and ending early. */
class CompletionTest {

    private static final StepParameters PALPATED = StepParameters.palpation(List.of(BodySite.LEFT_SIJ));

    @Test
    void aSessionWithoutAnyStepDoesNotComplete() {
        TreatmentSession session = consented(TreatmentPlans.withoutHeat());

        assertRefused(session, () -> session.complete(minute(5)), SessionRule.NOTHING_PERFORMED,
                "at least one step was performed");
    }

    @Test
    void aSessionWhoseStepsWereAllSkippedDoesNotComplete() {
        TreatmentSession session = consented(TreatmentPlans.withoutHeat());
        session.performStep(StepReport.skipped(PALPATION, DeviationReason.PATIENT_DISCOMFORT), minute(5));

        assertRefused(session, () -> session.complete(minute(6)), SessionRule.NOTHING_PERFORMED,
                "otherwise it ends early");
    }

    @Test
    void theHeatIsRemovedBeforeTheSessionCompletes() {
        TreatmentSession session = underHeat(TreatmentPlans.sacroiliac());
        session.recordPainAfter(3, minute(30));

        assertRefused(session, () -> session.complete(minute(31)), SessionRule.HEAT_STILL_APPLIED,
                "heat is removed before the session completes");
    }

    @Test
    void everyPlannedStepIsPerformedOrSkippedBeforeTheSessionCompletes() {
        TreatmentSession session = consented(TreatmentPlans.withoutHeat());
        session.performStep(StepReport.performed(PALPATION, PALPATED), minute(5));
        session.recordPainAfter(3, minute(30));

        assertRefused(session, () -> session.complete(minute(31)), SessionRule.STEPS_UNACCOUNTED,
                "not yet performed or skipped: [ICE_MASSAGE, MASSAGE_AREA_AND_SPINE]");
    }

    @Test
    void painAfterIsScoredBeforeTheSessionCompletes() {
        TreatmentSession session = consented(TreatmentPlans.withoutHeat());
        session.performStep(StepReport.performed(PALPATION, PALPATED), minute(5));
        session.performStep(StepReport.skipped(ICE_MASSAGE, DeviationReason.TIME), minute(6));
        session.performStep(StepReport.skipped(MASSAGE_AREA_AND_SPINE, DeviationReason.TIME), minute(7));

        assertRefused(session, () -> session.complete(minute(8)), SessionRule.PAIN_AFTER_REQUIRED,
                "pain after is scored");
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 11})
    void painIsScoredFromZeroToTen(int nrs) {
        TreatmentSession session = opened(TreatmentPlans.sacroiliac());

        assertRefused(session, () -> session.recordPainBefore(nrs, minute(1)), SessionRule.INVALID_INPUT, "0 to 10");
    }

    @Test
    void painBeforeIsNotChangedOnceTheTreatmentHasStarted() {
        TreatmentSession session = consented(TreatmentPlans.sacroiliac());
        session.performStep(StepReport.performed(PALPATION, PALPATED), minute(5));

        assertRefused(session, () -> session.recordPainBefore(4, minute(6)), SessionRule.OPERATION_NOT_ALLOWED,
                "recordPainBefore is not allowed in state IN_PROGRESS");
    }

    @Test
    void heatIsRemovedOnlyWhileApplied() {
        TreatmentSession session = consented(TreatmentPlans.sacroiliac());
        session.performStep(StepReport.performed(PALPATION, PALPATED), minute(5));

        assertRefused(session, () -> session.removeHeat(minute(6)), SessionRule.NO_HEAT_APPLIED,
                "only while heat is applied");
    }

    @Test
    void heatIsNotRemovedBeforeItWasApplied() {
        TreatmentSession session = underHeat(TreatmentPlans.sacroiliac());

        // Within a device clock's allowed drift (a minute) the two times count as one moment; beyond it, refused.
        assertRefused(session, () -> session.removeHeat(minute(8)), SessionRule.INVALID_INPUT, "after it was applied");
    }

    @Test
    void aHeatStepRecordsWhenTheHeatWentOn() {
        TreatmentSession session = consented(TreatmentPlans.sacroiliac());

        assertRefused(session, () -> session.performStep(StepReport.performed(HEAT, heat(null)), minute(5)),
                SessionRule.INVALID_INPUT, "heatAppliedAt");
    }

    @Test
    void anIceMassageRecordsItsIceCubes() {
        TreatmentSession session = consented(TreatmentPlans.sacroiliac());

        assertRefused(session, () -> session.performStep(StepReport.performed(ICE_MASSAGE,
                StepParameters.palpation(List.of(BodySite.LEFT_SIJ))), minute(5)), SessionRule.INVALID_INPUT,
                "how many ice cubes");
    }

    @Test
    void aSessionEndsEarlyWithWhatWasDone() {
        TreatmentSession session = consented(TreatmentPlans.sacroiliac());
        session.performStep(StepReport.performed(PALPATION, PALPATED), minute(5));
        session.performStep(StepReport.performed(ICE_MASSAGE, StepParameters.ice(List.of(BodySite.LEFT_SIJ), 2, 5)),
                minute(6));

        List<SessionEvent> events = session.endEarly(EndReason.ADVERSE_REACTION, minute(12));

        assertThat(session.state()).isEqualTo(SessionState.ENDED_EARLY);
        assertThat(session.snapshot().endReason()).isEqualTo(EndReason.ADVERSE_REACTION);
        assertThat(session.snapshot().closedAt()).isEqualTo(minute(12));
        assertThat(events).singleElement().isInstanceOfSatisfying(SessionEvent.EndedEarly.class, ended -> {
            assertThat(ended.endState()).isEqualTo(EndState.ENDED_EARLY);
            assertThat(ended.painBefore()).isEqualTo(6);
            assertThat(ended.painAfter()).isNull();
        });
        assertRefused(session, () -> session.recordAdvice(List.of(Advice.EXERCISE), minute(13)),
                SessionRule.OPERATION_NOT_ALLOWED, "recordAdvice is not allowed in state ENDED_EARLY");
    }

    @Test
    void aSessionCanEndEarlyBeforeConsent() {
        TreatmentSession session = opened(TreatmentPlans.sacroiliac());

        session.endEarly(EndReason.RED_FLAG_FOUND, minute(1));

        assertThat(session.state()).isEqualTo(SessionState.ENDED_EARLY);
    }

    @Test
    void refusedOrWithdrawnConsentIsNotAnEarlyEndReason() {
        TreatmentSession session = consented(TreatmentPlans.sacroiliac());

        assertRefused(session, () -> session.endEarly(EndReason.CONSENT_WITHDRAWN, minute(5)),
                SessionRule.INVALID_INPUT, "recorded as such");
    }

    @Test
    void aCompletedSessionAcceptsNothingMore() {
        TreatmentSession session = consented(TreatmentPlans.withoutHeat());
        session.performStep(StepReport.performed(PALPATION, PALPATED), minute(5));
        session.performStep(StepReport.skipped(ICE_MASSAGE, DeviationReason.TIME), minute(6));
        session.performStep(StepReport.skipped(MASSAGE_AREA_AND_SPINE, DeviationReason.TIME), minute(7));
        session.recordPainAfter(4, minute(8));
        session.complete(minute(9));

        assertRefused(session, () -> session.performStep(StepReport.performed(PALPATION, PALPATED), minute(10)),
                SessionRule.OPERATION_NOT_ALLOWED, "performStep is not allowed in state COMPLETED");
        assertRefused(session, () -> session.endEarly(EndReason.PATIENT_UNWELL, minute(10)),
                SessionRule.OPERATION_NOT_ALLOWED, "endEarly is not allowed in state COMPLETED");
        assertRefused(session, () -> session.recordPainAfter(2, minute(10)),
                SessionRule.OPERATION_NOT_ALLOWED, "recordPainAfter is not allowed in state COMPLETED");
    }
}
