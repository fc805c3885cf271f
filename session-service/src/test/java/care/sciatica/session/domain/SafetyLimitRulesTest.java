package care.sciatica.session.domain;

import static care.sciatica.contracts.common.TreatmentStep.HIP_TRACTION;
import static care.sciatica.contracts.common.TreatmentStep.ICE_MASSAGE;
import static care.sciatica.contracts.common.TreatmentStep.LUMBAR_MOBILISATION;
import static care.sciatica.contracts.common.TreatmentStep.MASSAGE_AREA_AND_SPINE;
import static care.sciatica.contracts.common.TreatmentStep.MASSAGE_LEG_UNDER_HEAT;
import static care.sciatica.session.domain.SessionFixtures.CLINICAL_LEAD_REF;
import static care.sciatica.session.domain.SessionFixtures.assertRefused;
import static care.sciatica.session.domain.SessionFixtures.consented;
import static care.sciatica.session.domain.SessionFixtures.minute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import care.sciatica.contracts.common.BodySite;
import care.sciatica.contracts.common.Pressure;
import care.sciatica.contracts.common.Reason;
import care.sciatica.contracts.common.TreatmentStep;
import care.sciatica.contracts.session.DeviationReason;
import care.sciatica.contracts.session.StepOutcome;
import care.sciatica.contracts.session.Technique;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A deviation reason never lifts a safety limit: on a step the plan modified for a contraindication (light pressure
 * only on anticoagulants), a therapist's own reason for going further is refused, naming the session's rule and the
 * plan's rule with its explanation; only a clinical lead's override with a reason lifts the limit, and it is recorded.
 */
class SafetyLimitRulesTest {

    private static final List<BodySite> LEG = List.of(BodySite.LEFT_CALF);

    /** Every step the anticoagulant plan limits, every pressure above its limit, every reason a therapist gives. */
    static Stream<Arguments> aTherapistsReasonAboveTheLimit() {
        List<DeviationReason> therapistsOwn = Arrays.stream(DeviationReason.values())
                .filter(reason -> reason != DeviationReason.CLINICAL_LEAD_OVERRIDE).toList();
        return Stream.of(
                        step(MASSAGE_LEG_UNDER_HEAT, TreatmentPlans.MASSAGE_LIGHT_ANTICOAGULANTS),
                        step(MASSAGE_AREA_AND_SPINE, TreatmentPlans.MASSAGE_LIGHT_ANTICOAGULANTS),
                        step(HIP_TRACTION, TreatmentPlans.MOBILISATION_LIGHT_ANTICOAGULANTS),
                        step(LUMBAR_MOBILISATION, TreatmentPlans.MOBILISATION_LIGHT_ANTICOAGULANTS))
                .flatMap(row -> Stream.of(Pressure.MODERATE, Pressure.FIRM)
                        .flatMap(pressure -> therapistsOwn.stream()
                                .map(reason -> arguments(row.get()[0], row.get()[1], pressure, reason))));
    }

    @ParameterizedTest(name = "{0} at {2} for {3}")
    @MethodSource("aTherapistsReasonAboveTheLimit")
    void isRefusedNamingTheRuleAndThePlansReason(TreatmentStep step, Reason planned, Pressure pressure,
                                                DeviationReason reason) {
        TreatmentSession session = consented(TreatmentPlans.onAnticoagulants());
        StepReport harder = StepReport.modified(step, handsOn(pressure), reason);

        SessionRuleViolation refused = assertRefused(session, () -> session.performStep(harder, minute(5)),
                SessionRule.SAFETY_LIMIT_EXCEEDED, pressure + " pressure for " + step + ", the plan allows LIGHT");

        assertThat(refused.reason())
                .startsWith(SessionRule.SAFETY_LIMIT_EXCEEDED.statement())
                .contains("the plan allows LIGHT, set by " + planned.ruleId() + "; " + reason + " does not lift it"
                        + " (" + planned.explanation() + ")");
        assertThat(refused.field()).isEqualTo("parameters.pressure");
    }

    @ParameterizedTest
    @EnumSource(value = TreatmentStep.class, names = {"MASSAGE_LEG_UNDER_HEAT", "MASSAGE_AREA_AND_SPINE",
            "HIP_TRACTION", "LUMBAR_MOBILISATION"})
    void performedAboveTheLimitWithoutAnyReasonIsTheSameRule(TreatmentStep step) {
        TreatmentSession session = consented(TreatmentPlans.onAnticoagulants());

        assertRefused(session, () -> session.performStep(StepReport.performed(step, handsOn(Pressure.MODERATE)),
                minute(5)), SessionRule.SAFETY_LIMIT_EXCEEDED, "the plan allows LIGHT, set by");
    }

    @ParameterizedTest
    @EnumSource(value = TreatmentStep.class, names = {"MASSAGE_LEG_UNDER_HEAT", "MASSAGE_AREA_AND_SPINE",
            "HIP_TRACTION", "LUMBAR_MOBILISATION"})
    void onlyAClinicalLeadsOverrideWithAReasonLiftsItAndTheOverrideIsRecorded(TreatmentStep step) {
        TreatmentSession session = consented(TreatmentPlans.onAnticoagulants());
        StepReport harder = StepReport.modified(step, handsOn(Pressure.MODERATE),
                DeviationReason.CLINICAL_LEAD_OVERRIDE);

        assertRefused(session, () -> session.performStep(harder, minute(5)), SessionRule.SAFETY_LIMIT_EXCEEDED,
                "does not lift it");
        assertRefused(session, () -> session.performStep(harder.overriddenBy(CLINICAL_LEAD_REF, " "), minute(5)),
                SessionRule.SAFETY_LIMIT_EXCEEDED, "the plan allows LIGHT");
        assertRefused(session, () -> session.performStep(StepReport.performed(step, handsOn(Pressure.MODERATE))
                        .overriddenBy(CLINICAL_LEAD_REF, "INR checked today: 2.1"), minute(5)),
                SessionRule.DEVIATION_REASON_REQUIRED, "record it as MODIFIED");

        session.performStep(harder.overriddenBy(CLINICAL_LEAD_REF, "INR checked today: 2.1"), minute(5));

        assertThat(session.snapshot().steps()).singleElement().satisfies(recorded -> {
            assertThat(recorded.step()).isEqualTo(step);
            assertThat(recorded.outcome()).isEqualTo(StepOutcome.MODIFIED);
            assertThat(recorded.parameters().pressure()).isEqualTo(Pressure.MODERATE);
            assertThat(recorded.deviationReason()).isEqualTo(DeviationReason.CLINICAL_LEAD_OVERRIDE);
            assertThat(recorded.override()).isEqualTo(new ClinicalLeadOverride(CLINICAL_LEAD_REF,
                    "INR checked today: 2.1"));
        });
    }

    @Test
    void withinTheLimitATherapistsReasonStillRecordsADeviation() {
        TreatmentSession session = consented(TreatmentPlans.onAnticoagulants());

        session.performStep(StepReport.modified(MASSAGE_LEG_UNDER_HEAT, handsOn(Pressure.LIGHT),
                DeviationReason.PATIENT_PREFERENCE), minute(5));

        assertThat(session.snapshot().steps()).singleElement()
                .satisfies(step -> assertThat(step.outcome()).isEqualTo(StepOutcome.MODIFIED));
    }

    @Test
    void aLimitThePlanDidNotSetForSafetyMayStillBeExceededWithAReason() {
        TreatmentSession session = consented(TreatmentPlans.sacroiliac());

        session.performStep(StepReport.modified(MASSAGE_LEG_UNDER_HEAT, handsOn(Pressure.FIRM),
                DeviationReason.PATIENT_PREFERENCE), minute(5));

        assertThat(session.snapshot().steps()).singleElement()
                .satisfies(step -> assertThat(step.parameters().pressure()).isEqualTo(Pressure.FIRM));
    }

    static Stream<Arguments> otherLimitsOfAModifiedStep() {
        return Stream.of(
                arguments(StepParameters.ice(List.of(BodySite.RIGHT_SCIATIC_NOTCH), 2, 5), "2 ice cubes at once,"
                        + " the plan allows 1"),
                arguments(StepParameters.ice(List.of(BodySite.RIGHT_SCIATIC_NOTCH), 1, 9), "9 minutes of ICE_MASSAGE,"
                        + " the plan allows 8"));
    }

    @ParameterizedTest
    @MethodSource("otherLimitsOfAModifiedStep")
    void iceCubesAndMinutesOfAModifiedStepAreSafetyLimitsToo(StepParameters ice, String detail) {
        TreatmentSession session = consented(TreatmentPlans.piriformisAfterHipReplacement());

        assertRefused(session, () -> session.performStep(StepReport.modified(ICE_MASSAGE, ice,
                DeviationReason.PATIENT_PREFERENCE), minute(5)), SessionRule.SAFETY_LIMIT_EXCEEDED,
                detail + ", set by the plan modified ICE_MASSAGE; PATIENT_PREFERENCE does not lift it");
    }

    private static Arguments step(TreatmentStep step, Reason planned) {
        return arguments(step, planned);
    }

    private static StepParameters handsOn(Pressure pressure) {
        return StepParameters.handsOn(LEG, pressure, Technique.EFFLEURAGE, 5);
    }
}
