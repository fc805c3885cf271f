package care.sciatica.session.domain;

import static care.sciatica.contracts.common.TreatmentStep.EXPLANATION_AND_CONSENT;
import static care.sciatica.contracts.common.TreatmentStep.HEAT;
import static care.sciatica.contracts.common.TreatmentStep.HIP_TRACTION;
import static care.sciatica.contracts.common.TreatmentStep.ICE_MASSAGE;
import static care.sciatica.contracts.common.TreatmentStep.MASSAGE_AREA_AND_SPINE;
import static care.sciatica.contracts.common.TreatmentStep.MASSAGE_LEG_UNDER_HEAT;
import static care.sciatica.contracts.common.TreatmentStep.PALPATION;
import static care.sciatica.session.domain.SessionFixtures.CLINICAL_LEAD_REF;
import static care.sciatica.session.domain.SessionFixtures.assertRefused;
import static care.sciatica.session.domain.SessionFixtures.consented;
import static care.sciatica.session.domain.SessionFixtures.heat;
import static care.sciatica.session.domain.SessionFixtures.minute;
import static care.sciatica.session.domain.SessionFixtures.opened;
import static care.sciatica.session.domain.SessionFixtures.underHeat;
import static org.assertj.core.api.Assertions.assertThat;

import care.sciatica.contracts.common.BodySite;
import care.sciatica.contracts.common.Pressure;
import care.sciatica.contracts.session.ConsentDecision;
import care.sciatica.contracts.session.ConsentMethod;
import care.sciatica.contracts.session.DeviationReason;
import care.sciatica.contracts.session.Technique;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each safety rule for recording a step, with its code and reason, and the session left as it was. */
class StepSafetyRulesTest {

    private static final StepParameters PALPATED = StepParameters.palpation(List.of(BodySite.LEFT_GLUTEAL));

    @Test
    void noStepBeforeConsent() {
        TreatmentSession session = opened(TreatmentPlans.sacroiliac());
        session.recordPainBefore(5, minute(1));

        assertRefused(session, () -> session.performStep(StepReport.performed(PALPATION, PALPATED), minute(2)),
                SessionRule.CONSENT_REQUIRED, "no step before consent");
    }

    @Test
    void painIsScoredBeforeTheFirstStep() {
        TreatmentSession session = opened(TreatmentPlans.sacroiliac());
        session.recordExplanation(List.of(ExplanationPoint.values()), true, minute(1));
        session.recordConsent(ConsentDecision.GIVEN, ConsentMethod.WRITTEN, SessionFixtures.THERAPIST_REF, minute(2));

        assertRefused(session, () -> session.performStep(StepReport.performed(PALPATION, PALPATED), minute(3)),
                SessionRule.PAIN_BEFORE_REQUIRED, "pain before is scored before the first step");
    }

    @Test
    void explanationAndConsentAreNotRecordedAsAStep() {
        TreatmentSession session = consented(TreatmentPlans.sacroiliac());

        assertRefused(session, () -> session.performStep(StepReport.performed(EXPLANATION_AND_CONSENT, null),
                minute(5)), SessionRule.CONSENT_IS_NOT_A_STEP, "recorded as an explanation and a consent");
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4, 10})
    void neverMoreThanTwoIceCubesAtOnce(int cubes) {
        TreatmentSession session = consented(TreatmentPlans.sacroiliac());
        StepReport tooMuchIce = StepReport.modified(ICE_MASSAGE,
                StepParameters.ice(List.of(BodySite.LEFT_SIJ), cubes, 5), DeviationReason.OTHER_CLINICAL)
                .overriddenBy(CLINICAL_LEAD_REF, "deep tissue");

        assertRefused(session, () -> session.performStep(tooMuchIce, minute(5)), SessionRule.ICE_CUBE_LIMIT,
                "never more than two ice cubes at once");
    }

    @Test
    void twoIceCubesAtOnceAreAllowed() {
        TreatmentSession session = consented(TreatmentPlans.sacroiliac());

        session.performStep(StepReport.performed(ICE_MASSAGE, StepParameters.ice(List.of(BodySite.LEFT_SIJ), 2, 8)),
                minute(5));

        assertThat(session.snapshot().steps()).singleElement()
                .satisfies(step -> assertThat(step.parameters().iceCubesAtOnce()).isEqualTo(2));
    }

    @Test
    void noIceThePlanExcludedEvenWithAnOverride() {
        TreatmentSession session = consented(TreatmentPlans.lumbar());
        StepReport ice = StepReport.modified(ICE_MASSAGE, StepParameters.ice(List.of(BodySite.LUMBAR_SPINE), 1, 5),
                DeviationReason.CLINICAL_LEAD_OVERRIDE).overriddenBy(CLINICAL_LEAD_REF, "patient insists");

        assertRefused(session, () -> session.performStep(ice, minute(5)), SessionRule.EXCLUDED_ICE_OR_HEAT,
                "no ice or heat step the plan excluded");
    }

    @Test
    void noHeatThePlanExcluded() {
        TreatmentSession session = consented(TreatmentPlans.withoutHeat());

        assertRefused(session, () -> session.performStep(StepReport.performed(HEAT, heat(minute(5))), minute(5)),
                SessionRule.EXCLUDED_ICE_OR_HEAT, "the plan excluded HEAT");
    }

    @Test
    void anExcludedStepNeedsAClinicalLeadsOverrideWithAReason() {
        TreatmentSession session = consented(TreatmentPlans.piriformisAfterHipReplacement());
        StepParameters traction = StepParameters.handsOn(List.of(BodySite.RIGHT_HIP), Pressure.LIGHT,
                Technique.LONG_AXIS_TRACTION, 3);
        StepReport plain = StepReport.modified(HIP_TRACTION, traction, DeviationReason.CLINICAL_LEAD_OVERRIDE);

        assertRefused(session, () -> session.performStep(plain, minute(5)), SessionRule.EXCLUDED_STEP_WITHOUT_OVERRIDE,
                "clinical lead's override");
        assertRefused(session, () -> session.performStep(plain.overriddenBy(CLINICAL_LEAD_REF, "  "), minute(5)),
                SessionRule.EXCLUDED_STEP_WITHOUT_OVERRIDE, "the plan excluded HIP_TRACTION");
        assertRefused(session, () -> session.performStep(plain.overriddenBy(null, "surgeon cleared it"), minute(5)),
                SessionRule.EXCLUDED_STEP_WITHOUT_OVERRIDE, "gives a reason");

        session.performStep(plain.overriddenBy(CLINICAL_LEAD_REF, "surgeon cleared traction in writing"), minute(5));

        assertThat(session.snapshot().steps()).singleElement().satisfies(step -> {
            assertThat(step.step()).isEqualTo(HIP_TRACTION);
            assertThat(step.override().by()).isEqualTo(CLINICAL_LEAD_REF);
        });
    }

    @Test
    void anOverriddenStepIsRecordedAsAModifiedDeviation() {
        TreatmentSession session = consented(TreatmentPlans.piriformisAfterHipReplacement());
        StepReport performed = StepReport.performed(HIP_TRACTION, StepParameters.none())
                .overriddenBy(CLINICAL_LEAD_REF, "surgeon cleared traction");

        assertRefused(session, () -> session.performStep(performed, minute(5)), SessionRule.DEVIATION_REASON_REQUIRED,
                "CLINICAL_LEAD_OVERRIDE");
    }

    @Test
    void aStepThePlanDoesNotListCountsAsExcluded() {
        TreatmentSession session = consented(TreatmentPlans.withoutHeat());

        assertRefused(session, () -> session.performStep(StepReport.performed(HIP_TRACTION, null), minute(5)),
                SessionRule.EXCLUDED_STEP_WITHOUT_OVERRIDE, "HIP_TRACTION is not in the plan");
    }

    @Test
    void theAffectedAreaAndSpineAreNotMassagedWhileHeatIsApplied() {
        TreatmentSession session = underHeat(TreatmentPlans.sacroiliac());
        session.performStep(StepReport.performed(MASSAGE_LEG_UNDER_HEAT,
                StepParameters.handsOn(List.of(BodySite.LEFT_CALF), Pressure.MODERATE, Technique.EFFLEURAGE, 8)),
                minute(12));
        StepReport areaMassage = StepReport.performed(MASSAGE_AREA_AND_SPINE,
                StepParameters.handsOn(List.of(BodySite.LUMBAR_SPINE), Pressure.MODERATE, Technique.PETRISSAGE, 10));

        assertRefused(session, () -> session.performStep(areaMassage, minute(20)), SessionRule.MASSAGE_UNDER_HEAT,
                "not massaged while heat is still applied");

        session.removeHeat(minute(21));
        session.performStep(areaMassage, minute(22));

        assertThat(session.snapshot().steps()).extracting(PerformedStep::step)
                .containsExactly(HEAT, MASSAGE_LEG_UNDER_HEAT, MASSAGE_AREA_AND_SPINE);
        assertThat(session.snapshot().steps().getFirst().parameters().heatRemovedAt()).isEqualTo(minute(21));
    }

    @Test
    void heatRecordedWithALaterRemovalIsStillOnUntilThen() {
        TreatmentSession session = consented(TreatmentPlans.sacroiliac());
        session.performStep(StepReport.performed(HEAT, heat(minute(10)).withHeatRemovedAt(minute(30))), minute(11));
        StepReport areaMassage = StepReport.performed(MASSAGE_AREA_AND_SPINE, StepParameters.none());

        assertRefused(session, () -> session.performStep(areaMassage, minute(25)), SessionRule.MASSAGE_UNDER_HEAT,
                "remove the heat first");

        session.performStep(areaMassage, minute(31));
    }
}
