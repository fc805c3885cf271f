package care.sciatica.assessment.domain;

import care.sciatica.assessment.domain.rules.AdviceRule;
import care.sciatica.assessment.domain.rules.CaseFacts;
import care.sciatica.assessment.domain.rules.Findings;
import care.sciatica.assessment.domain.rules.RuleSet;
import care.sciatica.contracts.assessment.StepStatus;
import care.sciatica.contracts.common.Advice;

import java.util.ArrayList;
import java.util.List;

/** The advice a plan gives, by the rule set's advice rules: exercise always, a cushion when sitting hurts, ... */
final class PlanAdvice {

    private PlanAdvice() {
    }

    static List<Advice> advise(CaseFacts facts, RuleSet rules, List<PlannedStep> steps) {
        List<Advice> advice = new ArrayList<>();
        for (AdviceRule rule : rules.advice()) {
            List<String> whenAny = rule.whenAny() == null ? List.of() : rule.whenAny();
            boolean applies = rule.always()
                    || whenAny.stream().anyMatch(f -> Findings.look(f, facts, rules.thresholds()).isPresent())
                    || (whenAny.isEmpty() && rule.requiresIncludedStep() != null);
            boolean stepAllows = rule.requiresIncludedStep() == null || steps.stream()
                    .anyMatch(s -> s.step() == rule.requiresIncludedStep() && s.status() == StepStatus.INCLUDED);
            if (applies && stepAllows && !advice.contains(rule.advice())) {
                advice.add(rule.advice());
            }
        }
        return advice;
    }
}
