package care.sciatica.assessment.domain;

import care.sciatica.assessment.domain.rules.CaseFacts;
import care.sciatica.assessment.domain.rules.RuleSet;

import java.util.ArrayList;
import java.util.List;

/**
 * A clinical lead overrides the origin, the suitability or one step of a plan, with a mandatory reason recorded as
 * {@code CLINICAL_LEAD_OVERRIDE}; the result is a new plan, replayed from the same history with every override so far.
 *
 * <p>A referral can never be overridden into a plan: red flags are the platform's safety gate, and a red flag that
 * was recorded wrongly is corrected by amending the history at intake, which re-assesses the case. For the same
 * reason, if the rule set in force now refers the case, the result is that referral.
 *
 * <p>Including a step the rules excluded is what an override is for; the excluded rule stays on the step as a caution.
 * The lead's free-text reason never reaches the plan (see {@link LeadOverride#asReason()}).
 */
public final class ApplyOverride {

    private ApplyOverride() {
    }

    public static Assessment apply(Assessment current, LeadOverride override, CaseFacts facts, RuleSet rules) {
        if (!(current instanceof TreatmentPlan plan)) {
            throw new OverrideRefusedException("A referral cannot be overridden into a plan: amend the history instead");
        }
        List<LeadOverride> overrides = new ArrayList<>(plan.overrides());
        overrides.add(override);
        return AssessCase.assess(facts, rules, overrides);
    }

    /**
     * Assesses the facts afresh with every override a lead has made on the case, in order: how a recorded override
     * is reproduced when the history is amended. Red flags still refer first; overrides never lift a referral.
     */
    public static Assessment replay(CaseFacts facts, RuleSet rules, List<LeadOverride> overrides) {
        return AssessCase.assess(facts, rules, overrides);
    }
}
