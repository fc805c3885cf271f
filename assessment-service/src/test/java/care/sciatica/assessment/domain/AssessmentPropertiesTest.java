package care.sciatica.assessment.domain;

import care.sciatica.assessment.domain.rules.CaseFacts;
import care.sciatica.assessment.domain.rules.NeurologicalFindings;
import care.sciatica.assessment.domain.rules.RuleSet;
import care.sciatica.assessment.domain.rules.StepEffect;
import care.sciatica.assessment.domain.rules.StepRule;
import care.sciatica.contracts.EventJson;
import care.sciatica.contracts.EventSchemas;
import care.sciatica.contracts.EventType;
import care.sciatica.contracts.assessment.StepStatus;
import care.sciatica.contracts.common.TreatmentStep;
import care.sciatica.contracts.intake.History;
import care.sciatica.contracts.intake.Observation;
import care.sciatica.contracts.intake.Onset;
import care.sciatica.contracts.intake.OnsetMechanism;
import care.sciatica.contracts.intake.RedFlagAnswer;
import care.sciatica.contracts.intake.RedFlags;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Invariants that hold for any history: safety first, then the shape every plan must have. */
class AssessmentPropertiesTest {

    private final RuleSet rules = TestRules.real();

    @Provide
    Arbitrary<CaseFacts> cases() {
        return HistoryArbitraries.cases();
    }

    @Property
    void anyRedFlagRefersAndNeverPlans(@ForAll("cases") CaseFacts facts) {
        if (anyRedFlagYes(facts.history().redFlags()) || facts.history().conditions().knownDvt()
                || NeurologicalFindings.weakestAtMost(facts.history(), 3).isPresent()) {
            assertThat(AssessCase.assess(facts, rules)).isInstanceOf(Referral.class);
        }
    }

    @Property
    void aPlanNeverCarriesARedFlag(@ForAll("cases") CaseFacts facts) {
        if (AssessCase.assess(facts, rules) instanceof TreatmentPlan) {
            assertThat(anyRedFlagYes(facts.history().redFlags())).isFalse();
            assertThat(facts.history().conditions().knownDvt()).isFalse();
        }
    }

    @Property
    void aStepAnExclusionRuleHitsIsNeverIncludedOrModified(@ForAll("cases") CaseFacts facts) {
        if (!(AssessCase.assess(facts, rules) instanceof TreatmentPlan plan)) {
            return;
        }
        for (StepRule rule : rules.stepRules()) {
            if (rule.effect() == StepEffect.EXCLUDE
                    && RuleFiring.fire(rule.id(), rule.when(), rule.explanation(), facts, rules.thresholds()).isPresent()) {
                for (TreatmentStep step : rule.steps()) {
                    assertThat(plan.step(step).status()).as(rule.id() + " on " + step).isEqualTo(StepStatus.EXCLUDED);
                    assertThat(plan.step(step).reasons()).extracting(Reason::ruleId).contains(rule.id());
                }
            }
        }
    }

    @Property
    void neverMoreThanTwoIceCubes(@ForAll("cases") CaseFacts facts) {
        if (AssessCase.assess(facts, rules) instanceof TreatmentPlan plan) {
            PlannedStep ice = plan.step(TreatmentStep.ICE_MASSAGE);
            if (!ice.isExcluded()) {
                assertThat(ice.parameters().maxIceCubes()).isNotNull().isBetween(1, 2);
            }
        }
    }

    @Property
    void everyModifiedOrExcludedStepSaysWhy(@ForAll("cases") CaseFacts facts) {
        if (AssessCase.assess(facts, rules) instanceof TreatmentPlan plan) {
            plan.steps().stream().filter(s -> s.status() != StepStatus.INCLUDED)
                    .forEach(s -> assertThat(s.reasons()).as(s.step().name()).isNotEmpty());
        }
    }

    @Property
    void stepsAreInProtocolOrder(@ForAll("cases") CaseFacts facts) {
        if (AssessCase.assess(facts, rules) instanceof TreatmentPlan plan) {
            assertThat(plan.steps()).extracting(PlannedStep::step).containsExactly(TreatmentStep.values());
        }
    }

    @Property
    void onsetAndObservationNeverDecideTheOrigin(@ForAll("cases") CaseFacts facts, @ForAll OnsetMechanism mechanism,
                                                 @ForAll("observations") Observation observation) {
        History h = facts.history();
        History other = new History(new Onset(mechanism, h.onset().beganOn(), h.onset().pattern()), h.pain(), h.surgery(),
                h.conditions(), h.redFlags(), observation, h.examination(), h.baselineOutcomes());
        if (AssessCase.assess(facts, rules) instanceof TreatmentPlan plan
                && AssessCase.assess(new CaseFacts(other, facts.ageYears(), facts.assessedOn()), rules) instanceof TreatmentPlan otherPlan) {
            assertThat(otherPlan.origin().primary()).isEqualTo(plan.origin().primary());
            assertThat(otherPlan.origin().estimates()).extracting(OriginEstimate::likelihood)
                    .isEqualTo(plan.origin().estimates().stream().map(OriginEstimate::likelihood).toList());
        }
    }

    @Provide
    Arbitrary<Observation> observations() {
        return HistoryArbitraries.observations();
    }

    @Property(tries = 250)
    void everyAssessmentMapsToAnEventTheCatalogueAccepts(@ForAll("visits") CaseFacts facts,
                                                         @ForAll @IntRange(min = 1, max = 6) int visit,
                                                         @ForAll("cases") CaseFacts previousVisit) {
        Assessment assessment = AssessCase.assess(facts, rules);
        List<PlannedStep> previousSteps = AssessCase.assess(previousVisit, rules) instanceof TreatmentPlan previous
                ? previous.steps() : List.of();
        Record event = AssessmentEvents.of(assessment, new AssessmentIds("2fdd94b1-b66e-493d-8132-cd5bd4365e3c",
                "site-north", "pt_7Q2M9X4K", "182f10d8-33c6-4453-8d1a-ecc451aaa334", 1, visit, 1, null, Instant.EPOCH),
                previousSteps);
        EventType type = assessment instanceof TreatmentPlan
                ? visit == 1 ? EventType.PLAN_ISSUED : EventType.PLAN_ISSUED_V2 : EventType.REFERRAL_REQUIRED;

        assertThat(EventType.ofDataClass(event.getClass())).contains(type);
        assertThat(EventSchemas.violations(type, EventJson.mapper().valueToTree(event))).isEmpty();
    }

    @Property
    void aRedFlagOrAWorseNeurologicalSignAtAnyVisitNeverYieldsAPlan(@ForAll("visits") CaseFacts facts) {
        boolean worse = facts.neurologicalChange() != null && facts.neurologicalChange().anyWorse();
        if (worse || anyRedFlagYes(facts.history().redFlags())) {
            Assessment assessment = AssessCase.assess(facts, rules);
            assertThat(assessment).isInstanceOf(Referral.class);
            if (worse) {
                assertThat(((Referral) assessment).reasons()).extracting(Reason::ruleId)
                        .contains("REFER_NEUROLOGICAL_WORSENING");
            }
        }
    }

    @Provide
    Arbitrary<CaseFacts> visits() {
        return HistoryArbitraries.visits();
    }

    @Property(tries = 250)
    void includingAnyStepByOverrideKeepsThePlanSafe(@ForAll("cases") CaseFacts facts, @ForAll TreatmentStep step) {
        if (AssessCase.assess(facts, rules) instanceof TreatmentPlan plan) {
            TreatmentPlan overridden = (TreatmentPlan) ApplyOverride.apply(plan,
                    new LeadOverride.OfStep(step, StepStatus.INCLUDED, null, "Cleared by the surgeon"), facts, rules);
            PlannedStep included = overridden.step(step);
            assertThat(included.status()).isEqualTo(StepStatus.INCLUDED);
            plan.step(step).reasons().forEach(reason ->
                    assertThat(included.cautions()).extracting(Reason::ruleId).contains(reason.ruleId()));
            Integer cubes = overridden.step(TreatmentStep.ICE_MASSAGE).parameters().maxIceCubes();
            assertThat(cubes == null || cubes <= StepParameters.MAX_ICE_CUBES).as("ice cubes " + cubes).isTrue();
        }
    }

    private static boolean anyRedFlagYes(RedFlags flags) {
        List<RecordComponent> questions = Arrays.asList(RedFlags.class.getRecordComponents());
        return questions.stream().anyMatch(q -> {
            try {
                return q.getAccessor().invoke(flags) == RedFlagAnswer.YES;
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
