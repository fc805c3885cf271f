package care.sciatica.assessment.domain;

import care.sciatica.contracts.assessment.StepStatus;
import care.sciatica.contracts.assessment.Urgency;
import care.sciatica.contracts.common.Side;
import care.sciatica.contracts.intake.OnsetMechanism;
import care.sciatica.contracts.intake.PainArea;
import care.sciatica.contracts.intake.RedFlagAnswer;
import care.sciatica.contracts.common.TreatmentStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.Consumer;
import java.util.stream.Stream;

import static care.sciatica.contracts.intake.RedFlagAnswer.YES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Every red flag of REFERENCE.md §2 refers the case, never plans it, and says which finding and why. */
class RedFlagRulesTest {

    static Stream<Arguments> redFlags() {
        return Stream.of(
                row("saddle numbness", h -> h.saddleNumbness = YES, Urgency.EMERGENCY,
                        "REFER_CAUDA_EQUINA_SADDLE_NUMBNESS", "redFlags.saddleNumbness", "suspected cauda equina"),
                row("bladder or bowel disturbance", h -> h.bladderOrBowel = YES, Urgency.EMERGENCY,
                        "REFER_CAUDA_EQUINA_BLADDER_BOWEL", "redFlags.bladderOrBowelDisturbance", "within hours"),
                row("bilateral or progressive leg weakness", h -> h.legWeakness = YES, Urgency.EMERGENCY,
                        "REFER_CAUDA_EQUINA_LEG_WEAKNESS", "redFlags.bilateralOrProgressiveLegWeakness", "progressive motor loss"),
                row("bilateral sciatica", h -> { h.side = Side.BOTH; h.distribution.add(PainArea.BELOW_KNEE); }, Urgency.URGENT,
                        "REFER_BILATERAL_SCIATICA", "pain.side", "bilateral sciatica"),
                row("major trauma", h -> h.majorTrauma = YES, Urgency.EMERGENCY,
                        "REFER_FRACTURE_MAJOR_TRAUMA", "redFlags.majorTrauma", "suspected spinal fracture"),
                row("fall with osteoporosis", h -> { h.mechanism = OnsetMechanism.SLIP_OR_FALL; h.osteoporosis = true; },
                        Urgency.URGENT, "REFER_FRACTURE_FALL_OSTEOPOROSIS", "onset.mechanism", "fragility fracture"),
                row("jump down on long-term steroids", h -> { h.mechanism = OnsetMechanism.JUMP_DOWN; h.longTermSteroids = true; },
                        Urgency.URGENT, "REFER_FRACTURE_FALL_STEROIDS", "onset.mechanism", "long-term steroids"),
                row("weight loss with cancer history", h -> { h.weightLoss = YES; h.cancerHistory = true; }, Urgency.URGENT,
                        "REFER_CANCER_WEIGHT_LOSS", "redFlags.unexplainedWeightLoss", "spinal metastasis"),
                row("unexplained weight loss alone", h -> h.weightLoss = YES, Urgency.SOON,
                        "REFER_UNEXPLAINED_WEIGHT_LOSS", "redFlags.unexplainedWeightLoss", "rule out serious disease"),
                row("night pain with cancer history", h -> { h.nightPain = true; h.cancerHistory = true; }, Urgency.URGENT,
                        "REFER_CANCER_NIGHT_PAIN", "pain.nightPain", "Night pain with a history of cancer"),
                row("new pain over 50 with cancer history", h -> {
                    h.ageYears = 63;
                    h.beganOn = HistoryBuilder.ASSESSED_ON.minusDays(20);
                    h.cancerHistory = true;
                }, Urgency.URGENT, "REFER_CANCER_NEW_PAIN_OVER_AGE", "ageYears", "age 63, pain began 2026-02-10"),
                row("fever", h -> h.fever = YES, Urgency.URGENT,
                        "REFER_INFECTION_FEVER", "redFlags.feverOrRecentInfection", "suspected spinal infection"),
                row("IV drug use", h -> h.ivDrugUse = YES, Urgency.SOON,
                        "REFER_INFECTION_IV_DRUG_USE", "redFlags.ivDrugUse", "risk of spinal infection"),
                row("immunosuppression", h -> h.immunosuppression = YES, Urgency.SOON,
                        "REFER_INFECTION_IMMUNOSUPPRESSION", "redFlags.immunosuppression", "risk of spinal infection"),
                row("acute foot drop (dorsiflexion 2/5)", h -> h.dorsiflexion = 2, Urgency.URGENT,
                        "REFER_SEVERE_MOTOR_LOSS", "examination.myotomalPower.ankleDorsiflexionL4L5", "ankle dorsiflexion 2/5"),
                row("plantar flexion 3/5", h -> h.plantarFlexion = 3, Urgency.URGENT,
                        "REFER_SEVERE_MOTOR_LOSS", "examination.myotomalPower.plantarFlexionS1", "plantar flexion 3/5"),
                row("known DVT", h -> h.knownDvt = true, Urgency.URGENT,
                        "REFER_KNOWN_DVT", "conditions.knownDvt", "no massage"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("redFlags")
    void refersWithTheFindingAndWhy(String name, Consumer<HistoryBuilder> flag, Urgency urgency, String ruleId,
                                    String finding, String fragment) {
        Assessment assessment = TestRules.assess(HistoryBuilder.everyStepIndicated().with(flag));

        assertThat(assessment).isInstanceOf(Referral.class);
        Referral referral = (Referral) assessment;
        assertThat(referral.urgency()).isEqualTo(urgency);
        assertThat(referral.rulesVersion()).isEqualTo(TestRules.real().version());
        assertThat(referral.reasons()).anySatisfy(reason -> {
            assertThat(reason.ruleId()).isEqualTo(ruleId);
            assertThat(reason.finding()).isEqualTo(finding);
            assertThat(reason.explanation()).contains(fragment);
        });
    }

    @Test
    void theMostUrgentFlagSetsTheUrgencyAndEveryFlagIsListed() {
        Referral referral = (Referral) TestRules.assess(HistoryBuilder.unremarkable()
                .with(h -> { h.ivDrugUse = YES; h.saddleNumbness = YES; h.fever = YES; }));

        assertThat(referral.urgency()).isEqualTo(Urgency.EMERGENCY);
        assertThat(referral.reasons()).extracting(Reason::ruleId).containsExactly(
                "REFER_CAUDA_EQUINA_SADDLE_NUMBNESS", "REFER_INFECTION_FEVER", "REFER_INFECTION_IV_DRUG_USE");
    }

    @Test
    void motorPowerFourOutOfFiveDoesNotRefer() {
        assertThat(TestRules.assess(HistoryBuilder.unremarkable().with(h -> h.bigToe = 4))).isInstanceOf(TreatmentPlan.class);
    }

    @Test
    void aFallWithoutFragileBoneOrNightPainWithoutCancerDoesNotRefer() {
        assertThat(TestRules.assess(HistoryBuilder.unremarkable()
                .with(h -> { h.mechanism = OnsetMechanism.SLIP_OR_FALL; h.nightPain = true; })))
                .isInstanceOf(TreatmentPlan.class);
    }

    @Test
    void newPainOverFiftyWithoutCancerIsACautionNotAReferral() {
        TreatmentPlan plan = TestRules.plan(HistoryBuilder.unremarkable()
                .with(h -> { h.ageYears = 58; h.beganOn = HistoryBuilder.ASSESSED_ON.minusDays(10); }));

        assertThat(plan.step(TreatmentStep.EXPLANATION_AND_CONSENT).cautions()).anySatisfy(caution -> {
            assertThat(caution.ruleId()).isEqualTo("NEW_PAIN_AGE_CAUTION");
            assertThat(caution.finding()).isEqualTo("ageYears");
            assertThat(caution.explanation()).contains("re-screen red flags");
        });
    }

    @Test
    void newPainUnderTwentyIsACaution() {
        TreatmentPlan plan = TestRules.plan(HistoryBuilder.unremarkable()
                .with(h -> { h.ageYears = 17; h.beganOn = HistoryBuilder.ASSESSED_ON.minusDays(10); }));

        assertThat(plan.step(TreatmentStep.EXPLANATION_AND_CONSENT).cautions())
                .extracting(Reason::ruleId).contains("NEW_PAIN_YOUNG_CAUTION");
    }

    @Test
    void aQuestionNotAskedMustBeAskedBeforeConsent() {
        TreatmentPlan plan = TestRules.plan(HistoryBuilder.unremarkable()
                .with(h -> h.saddleNumbness = RedFlagAnswer.NOT_ASKED));

        Reason notAsked = new Reason("RED_FLAG_NOT_ASKED", "redFlags.saddleNumbness",
                "Red-flag question not asked at intake: ask it and record the answer before treatment");
        assertThat(plan.step(TreatmentStep.EXPLANATION_AND_CONSENT).cautions()).contains(notAsked);
        assertThat(plan.step(TreatmentStep.EXPLANATION_AND_CONSENT).status()).isEqualTo(StepStatus.INCLUDED);
        assertThat(plan.suitability().reasons()).contains(notAsked);
    }

    private static Arguments row(String name, Consumer<HistoryBuilder> flag, Urgency urgency, String ruleId,
                                 String finding, String fragment) {
        return arguments(name, flag, urgency, ruleId, finding, fragment);
    }
}
