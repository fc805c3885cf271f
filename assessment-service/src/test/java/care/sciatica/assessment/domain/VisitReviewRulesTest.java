package care.sciatica.assessment.domain;

import care.sciatica.contracts.EventJson;
import care.sciatica.contracts.EventSchemas;
import care.sciatica.contracts.EventType;
import care.sciatica.contracts.assessment.PlanIssued;
import care.sciatica.contracts.assessment.PlanIssuedV2;
import care.sciatica.contracts.assessment.ReferralRequired;
import care.sciatica.contracts.assessment.StepStatus;
import care.sciatica.contracts.assessment.Urgency;
import care.sciatica.contracts.common.TreatmentStep;
import care.sciatica.contracts.intake.NeurologicalChange;
import care.sciatica.contracts.intake.ReflexResult;
import care.sciatica.contracts.intake.SignChange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static care.sciatica.contracts.assessment.StepStatus.EXCLUDED;
import static care.sciatica.contracts.assessment.StepStatus.INCLUDED;
import static care.sciatica.contracts.assessment.StepStatus.MODIFIED;
import static care.sciatica.contracts.common.TreatmentStep.HEAT;
import static care.sciatica.contracts.common.TreatmentStep.HIP_TRACTION;
import static care.sciatica.contracts.common.TreatmentStep.ICE_MASSAGE;
import static care.sciatica.contracts.common.TreatmentStep.LUMBAR_MOBILISATION;
import static care.sciatica.contracts.common.TreatmentStep.MASSAGE_AREA_AND_SPINE;
import static care.sciatica.contracts.common.TreatmentStep.MASSAGE_LEG_UNDER_HEAT;
import static care.sciatica.contracts.common.TreatmentStep.SIJ_MOBILISATION;
import static care.sciatica.contracts.intake.SignChange.IMPROVED;
import static care.sciatica.contracts.intake.SignChange.UNCHANGED;
import static care.sciatica.contracts.intake.SignChange.WORSE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * A follow-up visit is assessed again: a worse neurological sign refers (never treats), a red flag asked again still
 * refers, and the visit's plan says which steps changed status since the previous plan and why.
 */
class VisitReviewRulesTest {

    private static final String WORSENING = "REFER_NEUROLOGICAL_WORSENING";

    static Stream<Arguments> worseSigns() {
        return Stream.of(
                arguments("power worse", change(WORSE, UNCHANGED, UNCHANGED), "review.neurologicalChange.power",
                        "Neurological signs worse than at the previous visit (power worse): progressive neurological"
                                + " deficit, refer for medical assessment instead of treating"),
                arguments("sensation worse", change(IMPROVED, WORSE, UNCHANGED), "review.neurologicalChange.sensation",
                        "Neurological signs worse than at the previous visit (sensation worse): progressive"
                                + " neurological deficit, refer for medical assessment instead of treating"),
                arguments("reflexes worse", change(UNCHANGED, IMPROVED, WORSE), "review.neurologicalChange.reflexes",
                        "Neurological signs worse than at the previous visit (reflexes worse): progressive neurological"
                                + " deficit, refer for medical assessment instead of treating"),
                arguments("power and reflexes worse", change(WORSE, UNCHANGED, WORSE), "review.neurologicalChange.power",
                        "Neurological signs worse than at the previous visit (power, reflexes worse): progressive"
                                + " neurological deficit, refer for medical assessment instead of treating"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("worseSigns")
    void aWorseNeurologicalSignAtAReviewRefersAndNeverTreats(String name, NeurologicalChange change, String finding,
                                                              String explanation) {
        Assessment assessment = TestRules.assess(HistoryBuilder.everyStepIndicated()
                .with(h -> h.neurologicalChange = change));

        assertThat(assessment).isInstanceOf(Referral.class);
        Referral referral = (Referral) assessment;
        assertThat(referral.urgency()).isEqualTo(Urgency.URGENT);
        assertThat(referral.reasons()).containsExactly(new Reason(WORSENING, finding, explanation));
    }

    static Stream<Arguments> signsNoWorse() {
        return Stream.of(
                arguments("no review (intake)", null),
                arguments("all unchanged", change(UNCHANGED, UNCHANGED, UNCHANGED)),
                arguments("all improved", change(IMPROVED, IMPROVED, IMPROVED)),
                arguments("mixed, none worse", change(IMPROVED, UNCHANGED, IMPROVED)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signsNoWorse")
    void signsThatAreNoWorseStillPlan(String name, NeurologicalChange change) {
        assertThat(TestRules.assess(HistoryBuilder.everyStepIndicated().with(h -> h.neurologicalChange = change)))
                .isInstanceOf(TreatmentPlan.class);
    }

    @Test
    void aRedFlagAskedAgainAtAReviewRefersThroughTheRedFlagRules() {
        Referral referral = (Referral) TestRules.assess(HistoryBuilder.everyStepIndicated().with(h -> {
            h.neurologicalChange = change(IMPROVED, UNCHANGED, UNCHANGED);
            h.bladderOrBowel = care.sciatica.contracts.intake.RedFlagAnswer.YES;
        }));

        assertThat(referral.urgency()).isEqualTo(Urgency.EMERGENCY);
        assertThat(referral.reasons()).extracting(Reason::ruleId).containsExactly("REFER_CAUDA_EQUINA_BLADDER_BOWEL");
    }

    @Test
    void aRedFlagWithAWorseSignListsBothAtTheMostUrgentUrgency() {
        Referral referral = (Referral) TestRules.assess(HistoryBuilder.everyStepIndicated().with(h -> {
            h.neurologicalChange = change(WORSE, UNCHANGED, UNCHANGED);
            h.saddleNumbness = care.sciatica.contracts.intake.RedFlagAnswer.YES;
        }));

        assertThat(referral.urgency()).isEqualTo(Urgency.EMERGENCY);
        assertThat(referral.reasons()).extracting(Reason::ruleId)
                .containsExactly("REFER_CAUDA_EQUINA_SADDLE_NUMBNESS", WORSENING);
    }

    /** One step's change between two visits: its statuses and the rules that explain it. */
    record Expected(TreatmentStep step, StepStatus previous, StepStatus now, List<String> ruleIds) {
    }

    static Stream<Arguments> visits() {
        return Stream.of(
                arguments("the wound over the treatment area has healed",
                        (Consumer<HistoryBuilder>) h -> h.skinLesions = true, (Consumer<HistoryBuilder>) h -> { },
                        List.of(new Expected(ICE_MASSAGE, MODIFIED, INCLUDED, List.of("ICE_AVOID_SKIN_LESIONS")),
                                new Expected(HEAT, EXCLUDED, INCLUDED, List.of("HEAT_EXCLUDED_SKIN_LESIONS")),
                                new Expected(MASSAGE_LEG_UNDER_HEAT, MODIFIED, INCLUDED,
                                        List.of("MASSAGE_AVOID_SKIN_LESIONS")),
                                new Expected(MASSAGE_AREA_AND_SPINE, MODIFIED, INCLUDED,
                                        List.of("MASSAGE_AVOID_SKIN_LESIONS")))),
                arguments("anticoagulants were started since the last visit",
                        (Consumer<HistoryBuilder>) h -> { }, (Consumer<HistoryBuilder>) h -> h.anticoagulants = true,
                        List.of(new Expected(HEAT, INCLUDED, EXCLUDED, List.of("HEAT_EXCLUDED_BLEEDING_TENDENCY")),
                                new Expected(MASSAGE_LEG_UNDER_HEAT, INCLUDED, MODIFIED,
                                        List.of("MASSAGE_LIGHT_ANTICOAGULANTS")),
                                new Expected(MASSAGE_AREA_AND_SPINE, INCLUDED, MODIFIED,
                                        List.of("MASSAGE_LIGHT_ANTICOAGULANTS")),
                                new Expected(HIP_TRACTION, INCLUDED, MODIFIED, List.of("MOBILISATION_LIGHT_ANTICOAGULANTS")),
                                new Expected(LUMBAR_MOBILISATION, INCLUDED, MODIFIED,
                                        List.of("MOBILISATION_LIGHT_ANTICOAGULANTS")),
                                new Expected(SIJ_MOBILISATION, INCLUDED, MODIFIED,
                                        List.of("MOBILISATION_LIGHT_ANTICOAGULANTS")))),
                arguments("the reduced knee jerk has recovered",
                        (Consumer<HistoryBuilder>) h -> h.kneeJerk = ReflexResult.REDUCED,
                        (Consumer<HistoryBuilder>) h -> h.kneeJerk = ReflexResult.NORMAL,
                        List.of(new Expected(LUMBAR_MOBILISATION, MODIFIED, INCLUDED,
                                List.of("MOBILISATION_LIGHT_NEURO_DEFICIT")))),
                arguments("nothing changed", (Consumer<HistoryBuilder>) h -> h.raynauds = true,
                        (Consumer<HistoryBuilder>) h -> h.raynauds = true, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("visits")
    void aVisitsPlanSaysWhichStepsChangedAndWhy(String name, Consumer<HistoryBuilder> firstVisit,
                                                Consumer<HistoryBuilder> secondVisit, List<Expected> expected) {
        TreatmentPlan first = TestRules.plan(HistoryBuilder.everyStepIndicated().with(firstVisit));
        TreatmentPlan second = TestRules.plan(HistoryBuilder.everyStepIndicated().with(secondVisit)
                .with(h -> h.neurologicalChange = change(UNCHANGED, UNCHANGED, IMPROVED)));

        List<PlanChanges.StepChange> changes = PlanChanges.between(first.steps(), second.steps());

        assertThat(changes).extracting(c -> new Expected(c.step(), c.previousStatus(), c.status(),
                c.reasons().stream().map(Reason::ruleId).toList())).containsExactlyElementsOf(expected);
        for (PlanChanges.StepChange change : changes) {
            boolean eased = change.status() == INCLUDED;
            change.reasons().forEach(reason -> assertThat(reason.explanation().startsWith(PlanChanges.NO_LONGER))
                    .as(change.step() + ": " + reason.explanation()).isEqualTo(eased));
        }
    }

    @Test
    void aStepPlannedAgainSaysWhichReasonNoLongerApplies() {
        TreatmentPlan first = TestRules.plan(HistoryBuilder.everyStepIndicated().with(h -> h.skinLesions = true));
        TreatmentPlan second = TestRules.plan(HistoryBuilder.everyStepIndicated());

        PlanChanges.StepChange heat = PlanChanges.between(first.steps(), second.steps()).stream()
                .filter(c -> c.step() == HEAT).findFirst().orElseThrow();

        assertThat(heat.reasons()).containsExactly(new Reason("HEAT_EXCLUDED_SKIN_LESIONS",
                "conditions.skinLesionsOverTreatmentArea",
                "No longer applies: Heat excluded: skin lesion, dermatitis or wound over the treatment area"));
    }

    @Test
    void aStepALeadIncludedKeepsTheSetAsideRuleOutOfTheLiftedReasons() {
        var facts = HistoryBuilder.everyStepIndicated().with(h -> h.raynauds = true).facts();
        TreatmentPlan first = (TreatmentPlan) AssessCase.assess(facts, TestRules.real());
        TreatmentPlan overridden = (TreatmentPlan) ApplyOverride.apply(first, new LeadOverride.OfStep(ICE_MASSAGE,
                INCLUDED, null, "Raynaud's limited to the hands"), facts, TestRules.real());

        PlanChanges.StepChange ice = PlanChanges.between(first.steps(), overridden.steps()).getFirst();

        assertThat(ice.step()).isEqualTo(ICE_MASSAGE);
        assertThat(ice.reasons()).extracting(Reason::ruleId).containsExactly(LeadOverride.RULE_ID);
    }

    @Test
    void aFirstVisitsPlanStaysV1AndALaterVisitsIsV2WithItsChanges() {
        TreatmentPlan first = TestRules.plan(HistoryBuilder.everyStepIndicated().with(h -> h.skinLesions = true));
        TreatmentPlan second = TestRules.plan(HistoryBuilder.everyStepIndicated());

        Record visitOne = AssessmentEvents.of(first, ids(1, 1, null), List.of());
        Record visitTwo = AssessmentEvents.of(second, ids(2, 2, 1), first.steps());

        assertThat(visitOne).isInstanceOf(PlanIssued.class);
        PlanIssuedV2 v2 = (PlanIssuedV2) visitTwo;
        assertThat(v2.visit()).isEqualTo(2);
        assertThat(v2.planVersion()).isEqualTo(2);
        assertThat(v2.supersedesPlanVersion()).isEqualTo(1);
        assertThat(v2.changes()).extracting(c -> c.step() + " " + c.previousStatus() + "->" + c.status())
                .containsExactly("ICE_MASSAGE MODIFIED->INCLUDED", "HEAT EXCLUDED->INCLUDED",
                        "MASSAGE_LEG_UNDER_HEAT MODIFIED->INCLUDED", "MASSAGE_AREA_AND_SPINE MODIFIED->INCLUDED");
        assertThat(EventSchemas.violations(EventType.PLAN_ISSUED_V2, EventJson.mapper().valueToTree(v2))).isEmpty();
        assertThat(AssessmentEvents.stepsOf(v2)).isEqualTo(second.steps());
    }

    @Test
    void aReferralNamesItsVisit() {
        Assessment referral = TestRules.assess(HistoryBuilder.everyStepIndicated()
                .with(h -> h.neurologicalChange = change(WORSE, UNCHANGED, UNCHANGED)));

        ReferralRequired event = (ReferralRequired) AssessmentEvents.of(referral, ids(3, 0, null), List.of());

        assertThat(event.visit()).isEqualTo(3);
        assertThat(EventSchemas.violations(EventType.REFERRAL_REQUIRED, EventJson.mapper().valueToTree(event))).isEmpty();
    }

    private static AssessmentIds ids(int visit, int planVersion, Integer supersedes) {
        return new AssessmentIds("2fdd94b1-b66e-493d-8132-cd5bd4365e3c", "site-north", "pt_7Q2M9X4K",
                "182f10d8-33c6-4453-8d1a-ecc451aaa334", visit, visit, planVersion, supersedes, Instant.EPOCH);
    }

    private static NeurologicalChange change(SignChange power, SignChange sensation, SignChange reflexes) {
        return new NeurologicalChange(power, sensation, reflexes);
    }
}
