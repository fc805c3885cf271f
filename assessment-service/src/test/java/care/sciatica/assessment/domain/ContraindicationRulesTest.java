package care.sciatica.assessment.domain;

import care.sciatica.assessment.domain.rules.StepRule;
import care.sciatica.contracts.assessment.StepStatus;
import care.sciatica.contracts.common.NerveRoot;
import care.sciatica.contracts.common.Pressure;
import care.sciatica.contracts.common.Side;
import care.sciatica.contracts.common.TreatmentStep;
import care.sciatica.contracts.intake.Gait;
import care.sciatica.contracts.intake.HipReplacement;
import care.sciatica.contracts.intake.KneeReplacement;
import care.sciatica.contracts.intake.LumbarSurgery;
import care.sciatica.contracts.intake.Posture;
import care.sciatica.contracts.intake.SitToStand;
import care.sciatica.contracts.intake.SurgicalApproach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static care.sciatica.assessment.domain.HistoryBuilder.ASSESSED_ON;
import static care.sciatica.contracts.assessment.StepStatus.EXCLUDED;
import static care.sciatica.contracts.assessment.StepStatus.INCLUDED;
import static care.sciatica.contracts.assessment.StepStatus.MODIFIED;
import static care.sciatica.contracts.common.TreatmentStep.EXPLANATION_AND_CONSENT;
import static care.sciatica.contracts.common.TreatmentStep.HEAT;
import static care.sciatica.contracts.common.TreatmentStep.HIP_TRACTION;
import static care.sciatica.contracts.common.TreatmentStep.ICE_MASSAGE;
import static care.sciatica.contracts.common.TreatmentStep.LUMBAR_MOBILISATION;
import static care.sciatica.contracts.common.TreatmentStep.MASSAGE_AREA_AND_SPINE;
import static care.sciatica.contracts.common.TreatmentStep.MASSAGE_LEG_UNDER_HEAT;
import static care.sciatica.contracts.common.TreatmentStep.SIJ_MOBILISATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every contraindication and precaution of REFERENCE.md §2, one row each: the step's status, its pressure where the
 * rule limits it, and the reason (or caution) with the rule, the finding and the explanation.
 */
class ContraindicationRulesTest {

    static Stream<Arguments> contraindications() {
        return Stream.of(
                row(h -> h.raynauds = true, ICE_MASSAGE, EXCLUDED, "ICE_EXCLUDED_RAYNAUDS", "conditions.raynauds", "Raynaud's"),
                row(h -> h.coldUrticaria = true, ICE_MASSAGE, EXCLUDED, "ICE_EXCLUDED_COLD_URTICARIA", "conditions.coldUrticaria", "cold urticaria"),
                row(h -> h.impairedSensation = true, ICE_MASSAGE, EXCLUDED, "ICE_EXCLUDED_IMPAIRED_SENSATION", "conditions.impairedSensation", "ice burn"),
                row(h -> h.circulatoryDisease = true, ICE_MASSAGE, EXCLUDED, "ICE_EXCLUDED_CIRCULATORY_DISEASE", "conditions.circulatoryDisease", "circulatory disease"),
                row(h -> h.skinLesions = true, ICE_MASSAGE, MODIFIED, "ICE_AVOID_SKIN_LESIONS", "conditions.skinLesionsOverTreatmentArea", "away from the skin lesion"),
                caution(h -> h.dermatomes.add(NerveRoot.L5), HEAT, "ICE_HEAT_AVOID_NUMB_DERMATOME", "examination.dermatomalSensoryChange", "no ice or heat over the numb area"),
                caution(h -> h.dermatomes.add(NerveRoot.S1), ICE_MASSAGE, "ICE_HEAT_AVOID_NUMB_DERMATOME", "examination.dermatomalSensoryChange", "check sensation first"),
                row(h -> h.impairedSensation = true, HEAT, EXCLUDED, "HEAT_EXCLUDED_IMPAIRED_SENSATION", "conditions.impairedSensation", "risk of burns"),
                row(h -> h.circulatoryDisease = true, HEAT, EXCLUDED, "HEAT_EXCLUDED_CIRCULATORY_DISEASE", "conditions.circulatoryDisease", "impaired circulation"),
                row(h -> h.skinLesions = true, HEAT, EXCLUDED, "HEAT_EXCLUDED_SKIN_LESIONS", "conditions.skinLesionsOverTreatmentArea", "dermatitis or wound"),
                row(h -> h.anticoagulants = true, HEAT, EXCLUDED, "HEAT_EXCLUDED_BLEEDING_TENDENCY", "conditions.anticoagulants", "bleeding tendency"),
                caution(h -> h.cancerHistory = true, HEAT, "HEAT_AVOID_TUMOUR_SITE", "conditions.cancerHistory", "tumour site"),
                caution(h -> h.pregnancy = true, HEAT, "HEAT_PREGNANCY", "conditions.pregnancy", "no heat over the abdomen"),
                light(h -> h.anticoagulants = true, MASSAGE_LEG_UNDER_HEAT, "MASSAGE_LIGHT_ANTICOAGULANTS", "conditions.anticoagulants", "no deep or forceful pressure"),
                light(h -> h.anticoagulants = true, MASSAGE_AREA_AND_SPINE, "MASSAGE_LIGHT_ANTICOAGULANTS", "conditions.anticoagulants", "Light pressure only"),
                row(h -> h.skinLesions = true, MASSAGE_LEG_UNDER_HEAT, MODIFIED, "MASSAGE_AVOID_SKIN_LESIONS", "conditions.skinLesionsOverTreatmentArea", "never over"),
                light(h -> h.osteoporosis = true, MASSAGE_AREA_AND_SPINE, "MASSAGE_LIGHT_SPINE_OSTEOPOROSIS", "conditions.osteoporosis", "weakened bone"),
                light(h -> h.longTermSteroids = true, MASSAGE_AREA_AND_SPINE, "MASSAGE_LIGHT_SPINE_STEROIDS", "conditions.longTermSteroids", "weaken bone"),
                caution(h -> h.cancerHistory = true, MASSAGE_LEG_UNDER_HEAT, "MASSAGE_AVOID_TUMOUR_SITE", "conditions.cancerHistory", "clinician's approval"),
                light(h -> h.lumbarSurgery = new LumbarSurgery(ASSESSED_ON.minusDays(100)), MASSAGE_AREA_AND_SPINE,
                        "MASSAGE_AVOID_RECENT_LUMBAR_SURGERY", "surgery.lumbarSpine", "Recent lumbar surgery (2025-11-22)"),
                row(h -> h.hipReplacement = new HipReplacement(Side.RIGHT, SurgicalApproach.ANTERIOR, ASSESSED_ON.minusDays(30)),
                        MASSAGE_LEG_UNDER_HEAT, MODIFIED, "MASSAGE_AVOID_RECENT_HIP_SURGERY", "surgery.hipReplacement", "keep off the surgical site"),
                caution(h -> h.otherRelevantSurgery = true, MASSAGE_AREA_AND_SPINE, "MASSAGE_CHECK_OTHER_SURGERY", "surgery.otherRelevantSurgery", "ask where and when"),
                caution(h -> h.pregnancy = true, EXPLANATION_AND_CONSENT, "PREGNANCY_POSITIONING", "conditions.pregnancy", "side-lying"),
                caution(h -> h.pregnancy = true, SIJ_MOBILISATION, "PREGNANCY_POSITIONING", "conditions.pregnancy", "no prone lying"),
                light(h -> h.pregnancy = true, LUMBAR_MOBILISATION, "PREGNANCY_NO_DEEP_LUMBAR_PRESSURE", "conditions.pregnancy", "no deep lumbar"),
                light(h -> h.pregnancy = true, MASSAGE_AREA_AND_SPINE, "PREGNANCY_NO_DEEP_LUMBAR_PRESSURE", "conditions.pregnancy", "abdominal pressure"),
                caution(h -> h.hipReplacement = new HipReplacement(Side.RIGHT, SurgicalApproach.POSTERIOR, ASSESSED_ON.minusYears(3)),
                        MASSAGE_LEG_UNDER_HEAT, "HIP_PRECAUTIONS_POSTERIOR", "surgery.hipReplacement", "(the FAIR position)"),
                caution(h -> h.hipReplacement = new HipReplacement(Side.RIGHT, SurgicalApproach.UNKNOWN, ASSESSED_ON.minusYears(3)),
                        SIJ_MOBILISATION, "HIP_PRECAUTIONS_POSTERIOR", "surgery.hipReplacement", "no hip flexion past 90 degrees"),
                caution(h -> h.hipReplacement = new HipReplacement(Side.RIGHT, SurgicalApproach.ANTERIOR, ASSESSED_ON.minusYears(3)),
                        SIJ_MOBILISATION, "HIP_PRECAUTIONS_ANTERIOR", "surgery.hipReplacement", "extension combined with external rotation"),
                row(h -> h.hipReplacement = new HipReplacement(Side.LEFT, SurgicalApproach.ANTERIOR, ASSESSED_ON.minusYears(3)),
                        HIP_TRACTION, EXCLUDED, "HIP_TRACTION_EXCLUDED_HIP_REPLACEMENT", "surgery.hipReplacement", "LEFT hip, ANTERIOR approach"),
                row(h -> h.hipReplacement = new HipReplacement(Side.BOTH, SurgicalApproach.LATERAL, ASSESSED_ON.minusYears(3)),
                        HIP_TRACTION, EXCLUDED, "HIP_TRACTION_EXCLUDED_HIP_REPLACEMENT", "surgery.hipReplacement", "treated side"),
                caution(h -> h.hipReplacement = new HipReplacement(Side.RIGHT, SurgicalApproach.LATERAL, ASSESSED_ON.minusYears(3)),
                        HIP_TRACTION, "HIP_TRACTION_CAUTION_OTHER_HIP", "surgery.hipReplacement", "without loading the replaced hip"),
                row(h -> h.kneeReplacement = new KneeReplacement(Side.LEFT, ASSESSED_ON.minusYears(2)),
                        HIP_TRACTION, EXCLUDED, "HIP_TRACTION_EXCLUDED_KNEE_REPLACEMENT", "surgery.kneeReplacement", "pulls through the knee"),
                row(h -> h.lumbarSurgery = new LumbarSurgery(ASSESSED_ON.minusDays(100)), LUMBAR_MOBILISATION, EXCLUDED,
                        "LUMBAR_MOBILISATION_EXCLUDED_RECENT_SURGERY", "surgery.lumbarSpine", "2025-11-22 is recent"),
                light(h -> h.lumbarSurgery = new LumbarSurgery(ASSESSED_ON.minusYears(4)), LUMBAR_MOBILISATION,
                        "LUMBAR_MOBILISATION_LIGHT_EARLIER_SURGERY", "surgery.lumbarSpine", "sign of instability"),
                row(h -> h.osteoporosis = true, LUMBAR_MOBILISATION, EXCLUDED, "MOBILISATION_EXCLUDED_OSTEOPOROSIS", "conditions.osteoporosis", "osteoporosis"),
                row(h -> h.osteoporosis = true, HIP_TRACTION, EXCLUDED, "MOBILISATION_EXCLUDED_OSTEOPOROSIS", "conditions.osteoporosis", "traction excluded"),
                row(h -> h.cancerHistory = true, SIJ_MOBILISATION, EXCLUDED, "MOBILISATION_EXCLUDED_CANCER_HISTORY", "conditions.cancerHistory", "bone tumour"),
                row(h -> { h.anticoagulants = true; h.ageYears = 80; }, LUMBAR_MOBILISATION, EXCLUDED,
                        "MOBILISATION_EXCLUDED_ANTICOAGULANT_HIGH_RISK", "conditions.anticoagulants", "high bleeding risk (age 80)"),
                row(h -> { h.anticoagulants = true; h.longTermSteroids = true; }, HIP_TRACTION, EXCLUDED,
                        "MOBILISATION_EXCLUDED_ANTICOAGULANT_HIGH_RISK", "conditions.anticoagulants", "long-term steroids"),
                light(h -> h.anticoagulants = true, SIJ_MOBILISATION, "MOBILISATION_LIGHT_ANTICOAGULANTS", "conditions.anticoagulants", "gentle only"),
                light(h -> h.longTermSteroids = true, HIP_TRACTION, "MOBILISATION_LIGHT_STEROIDS", "conditions.longTermSteroids", "weaken bone"),
                light(h -> h.bigToe = 4, LUMBAR_MOBILISATION, "MOBILISATION_LIGHT_NEURO_DEFICIT",
                        "examination.myotomalPower.bigToeExtensionL5", "big toe extension 4/5"),
                light(h -> h.gait = Gait.CARRIED_IN, MASSAGE_LEG_UNDER_HEAT, "IRRITABLE_PAIN_GENTLE_MASSAGE",
                        "observation.gait", "Severe, irritable pain (carried in): gentle work only, the lightest pressure"),
                row(h -> h.posture.add(Posture.FOETAL_ONLY), LUMBAR_MOBILISATION, EXCLUDED,
                        "IRRITABLE_PAIN_NO_TRACTION_OR_MOBILISATION", "observation.posture", "only a foetal position tolerated"),
                caution(h -> h.sitToStand = SitToStand.UNABLE, EXPLANATION_AND_CONSENT, "IRRITABLE_PAIN_CONSIDER_REFERRAL",
                        "observation.sitToStand", "consider referral for a medical opinion"),
                caution(h -> { h.ageYears = 55; h.beganOn = ASSESSED_ON.minusDays(30); }, EXPLANATION_AND_CONSENT,
                        "NEW_PAIN_AGE_CAUTION", "ageYears", "age 55, pain began 2026-01-31"),
                caution(h -> { h.ageYears = 18; h.beganOn = ASSESSED_ON.minusDays(5); }, EXPLANATION_AND_CONSENT,
                        "NEW_PAIN_YOUNG_CAUTION", "ageYears", "age 18"));
    }

    @ParameterizedTest(name = "{4} on {1}")
    @MethodSource("contraindications")
    void theStepSaysWhatAndWhy(Consumer<HistoryBuilder> finding, TreatmentStep step, StepStatus status, boolean isCaution,
                               String ruleId, String path, String fragment, Pressure pressure) {
        TreatmentPlan plan = TestRules.plan(HistoryBuilder.everyStepIndicated().with(finding));
        PlannedStep planned = plan.step(step);

        assertThat(planned.status()).isEqualTo(status);
        assertThat(isCaution ? planned.cautions() : planned.reasons()).anySatisfy(reason -> {
            assertThat(reason.ruleId()).isEqualTo(ruleId);
            assertThat(reason.finding()).isEqualTo(path);
            assertThat(reason.explanation()).contains(fragment);
        });
        if (pressure != null) {
            assertThat(planned.parameters().pressure()).isEqualTo(pressure);
        }
        if (!isCaution) {
            assertThat(plan.suitability().reasons()).extracting(Reason::ruleId).contains(ruleId);
        }
    }

    @Test
    void everyStepRuleInTheRulesFileHasARow() {
        List<String> tested = contraindications().map(a -> (String) a.get()[4]).toList();

        assertThat(TestRules.real().stepRules()).extracting(StepRule::id).allSatisfy(id -> assertThat(tested).contains(id));
    }

    @Test
    void withoutAnyContraindicationEveryIndicatedStepIsIncludedAndTheCaseIsTreated() {
        TreatmentPlan plan = TestRules.plan(HistoryBuilder.everyStepIndicated());

        assertThat(plan.steps()).allSatisfy(step -> assertThat(step.status()).isEqualTo(INCLUDED));
        assertThat(plan.suitability().decision()).isEqualTo(care.sciatica.contracts.assessment.SuitabilityDecision.TREAT);
        assertThat(plan.suitability().reasons()).extracting(Reason::ruleId).containsExactly("TREAT_BY_PROTOCOL");
    }

    @Test
    void anExclusionWinsOverAModification() {
        PlannedStep traction = TestRules.plan(HistoryBuilder.everyStepIndicated()
                .with(h -> { h.osteoporosis = true; h.longTermSteroids = true; })).step(HIP_TRACTION);

        assertThat(traction.status()).isEqualTo(EXCLUDED);
        assertThat(traction.parameters()).isEqualTo(StepParameters.none());
    }

    private static Arguments row(Consumer<HistoryBuilder> finding, TreatmentStep step, StepStatus status, String ruleId,
                                 String path, String fragment) {
        return arguments(finding, step, status, false, ruleId, path, fragment, null);
    }

    private static Arguments light(Consumer<HistoryBuilder> finding, TreatmentStep step, String ruleId, String path,
                                   String fragment) {
        return arguments(finding, step, MODIFIED, false, ruleId, path, fragment, Pressure.LIGHT);
    }

    private static Arguments caution(Consumer<HistoryBuilder> finding, TreatmentStep step, String ruleId, String path,
                                     String fragment) {
        return arguments(finding, step, INCLUDED, true, ruleId, path, fragment, null);
    }
}
