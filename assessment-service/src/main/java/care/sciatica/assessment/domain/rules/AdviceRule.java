package care.sciatica.assessment.domain.rules;

import care.sciatica.contracts.common.Advice;
import care.sciatica.contracts.common.TreatmentStep;

import java.util.List;

/**
 * When a plan gives a piece of advice: always, when any finding in {@code whenAny} is present, or, with
 * {@code requiresIncludedStep}, only if that step is in the plan unchanged.
 */
public record AdviceRule(
        Advice advice,
        boolean always,
        List<String> whenAny,
        TreatmentStep requiresIncludedStep,
        String why
) {
}
