package care.sciatica.assessment.domain.rules;

import care.sciatica.contracts.common.TreatmentStep;

import java.util.List;

/**
 * A contraindication or precaution: when every finding in {@code when} is present, the named steps are excluded,
 * modified (within {@code limits}) or cautioned, and the plan cites this rule.
 */
public record StepRule(
        String id,
        List<TreatmentStep> steps,
        List<String> when,
        StepEffect effect,
        StepTemplate limits,
        String explanation,
        String why
) {
}
