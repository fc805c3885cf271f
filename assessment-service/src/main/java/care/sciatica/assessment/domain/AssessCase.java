package care.sciatica.assessment.domain;

import care.sciatica.assessment.domain.rules.CaseFacts;
import care.sciatica.assessment.domain.rules.RuleSet;
import care.sciatica.contracts.assessment.SuitabilityDecision;
import care.sciatica.contracts.intake.History;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Assesses a history by the rule set: red flags first (any one refers, and nothing else is decided), then the likely
 * origin, the protocol's steps, suitability, advice and the follow-up interval. A pure function of its inputs.
 */
public final class AssessCase {

    private AssessCase() {
    }

    /**
     * @param assessedOn the day of the assessment (the history event's date), against which "recent surgery" and
     *                   "new pain" are measured
     */
    public static Assessment assess(History history, int ageYears, LocalDate assessedOn, RuleSet rules) {
        return assess(new CaseFacts(history, ageYears, assessedOn), rules);
    }

    public static Assessment assess(CaseFacts facts, RuleSet rules) {
        return assess(facts, rules, List.of());
    }

    /** The assessment with clinical-lead overrides laid over it in order; an override never lifts a referral. */
    static Assessment assess(CaseFacts facts, RuleSet rules, List<LeadOverride> overrides) {
        Optional<Referral> referral = RedFlagScreen.screen(facts, rules);
        if (referral.isPresent()) {
            return referral.get();
        }
        LikelyOrigin origin = OriginClassifier.classify(facts.history(), rules.thresholds());
        for (LeadOverride override : overrides) {
            if (override instanceof LeadOverride.OfOrigin ofOrigin) {
                origin = OriginOverride.apply(origin, ofOrigin);
            }
        }
        List<Reason> notAsked = RedFlagScreen.notAsked(facts, rules);
        List<PlannedStep> steps = ProtocolPlanner.decide(facts, rules, origin, notAsked).stream()
                .map(decision -> lastOverrideOf(decision, overrides).map(decision::overriddenBy).orElseGet(decision::planned))
                .toList();
        Suitability suitability = SuitabilityJudgement.judge(steps, notAsked, rules);
        for (LeadOverride override : overrides) {
            if (override instanceof LeadOverride.OfSuitability ofSuitability) {
                suitability = SuitabilityJudgement.overriddenBy(suitability, ofSuitability);
            }
        }
        boolean modified = suitability.decision() == SuitabilityDecision.TREAT_WITH_MODIFICATIONS;
        return new TreatmentPlan(rules.version(), origin, suitability, steps,
                PlanAdvice.advise(facts, rules, steps), rules.followUp().daysFor(origin.primary(), modified), overrides);
    }

    private static Optional<LeadOverride.OfStep> lastOverrideOf(StepDecision decision, List<LeadOverride> overrides) {
        LeadOverride.OfStep last = null;
        for (LeadOverride override : overrides) {
            if (override instanceof LeadOverride.OfStep ofStep && ofStep.step() == decision.step()) {
                last = ofStep;
            }
        }
        return Optional.ofNullable(last);
    }
}
