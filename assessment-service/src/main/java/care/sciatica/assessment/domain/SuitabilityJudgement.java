package care.sciatica.assessment.domain;

import care.sciatica.assessment.domain.rules.RuleSet;
import care.sciatica.contracts.assessment.StepStatus;
import care.sciatica.contracts.assessment.SuitabilityDecision;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether to treat as the protocol says or with modifications: a contraindication that modified or excluded a step
 * makes it TREAT_WITH_MODIFICATIONS. A mobilisation the origin does not call for is not a modification.
 */
final class SuitabilityJudgement {

    static final String TREAT_RULE_ID = "TREAT_BY_PROTOCOL";

    private SuitabilityJudgement() {
    }

    static Suitability judge(List<PlannedStep> steps, List<Reason> notAsked, RuleSet rules) {
        Set<Reason> reasons = new LinkedHashSet<>();
        for (PlannedStep step : steps) {
            if (step.status() != StepStatus.INCLUDED) {
                step.reasons().stream().filter(r -> !rules.isIndicationRule(r.ruleId())).forEach(reasons::add);
            }
        }
        boolean modified = !reasons.isEmpty();
        List<Reason> all = new ArrayList<>(reasons);
        all.addAll(notAsked);
        if (!modified) {
            all.add(Reason.of(TREAT_RULE_ID, "conditions",
                    "No red flag and no contraindication recorded: treat by the protocol"));
        }
        return new Suitability(modified ? SuitabilityDecision.TREAT_WITH_MODIFICATIONS : SuitabilityDecision.TREAT, all);
    }

    static Suitability overriddenBy(Suitability judged, LeadOverride.OfSuitability override) {
        List<Reason> reasons = new ArrayList<>(judged.reasons());
        reasons.add(override.asReason());
        return new Suitability(override.decision(), reasons);
    }
}
