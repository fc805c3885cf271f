package care.sciatica.session.domain;

import static care.sciatica.contracts.common.TreatmentStep.HEAT;
import static care.sciatica.contracts.common.TreatmentStep.ICE_MASSAGE;
import static care.sciatica.contracts.common.TreatmentStep.LUMBAR_MOBILISATION;
import static care.sciatica.contracts.common.TreatmentStep.MASSAGE_AREA_AND_SPINE;
import static care.sciatica.contracts.common.TreatmentStep.PALPATION;
import static care.sciatica.session.domain.SessionFixtures.assertRefused;
import static care.sciatica.session.domain.SessionFixtures.consented;
import static care.sciatica.session.domain.SessionFixtures.minute;
import static care.sciatica.session.domain.SessionFixtures.underHeat;
import static org.assertj.core.api.Assertions.assertThat;

import care.sciatica.contracts.common.BodySite;
import care.sciatica.contracts.common.Pressure;
import care.sciatica.contracts.session.DeviationReason;
import care.sciatica.contracts.session.StepOutcome;
import care.sciatica.contracts.session.Technique;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The protocol's order, the plan's limits and deviation reasons, each with its code and reason. */
class StepDeviationRulesTest {

    private static final StepParameters PALPATED = StepParameters.palpation(List.of(BodySite.LEFT_GLUTEAL));

    @Test
    void stepsFollowTheProtocolsOrderOrCarryAReason() {
        TreatmentSession session = underHeat(TreatmentPlans.sacroiliac());

        assertRefused(session, () -> session.performStep(StepReport.performed(PALPATION, PALPATED), minute(12)),
                SessionRule.OUT_OF_ORDER, "PALPATION comes before HEAT");

        session.performStep(StepReport.modified(PALPATION, PALPATED, DeviationReason.PATIENT_PREFERENCE), minute(12));

        assertThat(session.snapshot().steps()).extracting(PerformedStep::step).containsExactly(HEAT, PALPATION);
    }

    @Test
    void minutesStayWithinThePlanOrCarryAReason() {
        TreatmentSession session = consented(TreatmentPlans.sacroiliac());
        StepParameters twelveMinutes = StepParameters.ice(List.of(BodySite.LEFT_SIJ), 2, 12);

        assertRefused(session, () -> session.performStep(StepReport.performed(ICE_MASSAGE, twelveMinutes), minute(5)),
                SessionRule.PLAN_LIMIT_EXCEEDED, "12 minutes of ICE_MASSAGE, the plan allows 10");

        session.performStep(StepReport.modified(ICE_MASSAGE, twelveMinutes, DeviationReason.OTHER_CLINICAL), minute(5));
    }

    @Test
    void iceCubesStayWithinTheLimitOfAStepThePlanModified() {
        TreatmentSession session = consented(TreatmentPlans.piriformisAfterHipReplacement());

        assertRefused(session, () -> session.performStep(StepReport.performed(ICE_MASSAGE,
                StepParameters.ice(List.of(BodySite.RIGHT_SCIATIC_NOTCH), 2, 5)), minute(5)),
                SessionRule.SAFETY_LIMIT_EXCEEDED, "the plan allows 1");
    }

    @Test
    void pressureStaysWithinTheLimitOfAStepThePlanModified() {
        TreatmentSession session = consented(TreatmentPlans.lumbar());
        StepParameters firm = StepParameters.handsOn(List.of(BodySite.LUMBAR_SPINE), Pressure.FIRM,
                Technique.POSTERIOR_ANTERIOR_GLIDE, 5);

        assertRefused(session, () -> session.performStep(StepReport.performed(LUMBAR_MOBILISATION, firm), minute(5)),
                SessionRule.SAFETY_LIMIT_EXCEEDED, "FIRM pressure for LUMBAR_MOBILISATION, the plan allows LIGHT");
    }

    @ParameterizedTest
    @EnumSource(value = StepOutcome.class, names = {"MODIFIED", "SKIPPED"})
    void aModifiedOrSkippedStepCarriesAReason(StepOutcome outcome) {
        TreatmentSession session = consented(TreatmentPlans.sacroiliac());

        assertRefused(session, () -> session.performStep(new StepReport(PALPATION, PALPATED, outcome, null, null),
                minute(5)), SessionRule.DEVIATION_REASON_REQUIRED, "carries a deviation reason");
    }

    @Test
    void aStepPerformedAsPlannedCarriesNoReason() {
        TreatmentSession session = consented(TreatmentPlans.sacroiliac());

        assertRefused(session, () -> session.performStep(new StepReport(PALPATION, PALPATED, StepOutcome.PERFORMED,
                DeviationReason.TIME, null), minute(5)), SessionRule.REASON_WITHOUT_DEVIATION, "recorded as MODIFIED");
    }

    @Test
    void aSkippedStepNeedsNothingButItsReason() {
        TreatmentSession session = underHeat(TreatmentPlans.lumbar());

        session.performStep(StepReport.skipped(MASSAGE_AREA_AND_SPINE, DeviationReason.PATIENT_DISCOMFORT), minute(12));
        session.performStep(StepReport.skipped(PALPATION, DeviationReason.TIME), minute(13));

        assertThat(session.snapshot().steps()).extracting(PerformedStep::outcome)
                .containsExactly(StepOutcome.PERFORMED, StepOutcome.SKIPPED, StepOutcome.SKIPPED);
    }
}
