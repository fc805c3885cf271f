package care.sciatica.session.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a session needs before it completes: at least one step performed, the heat removed, every planned step performed
 * or skipped with a reason, and the pain scored before and after.
 */
final class CompletionRules {

    private CompletionRules() {
    }

    static Optional<Refusal> check(TreatmentPlan plan, List<PerformedStep> recorded, Integer painBefore,
            Integer painAfter, Instant at) {
        if (recorded.stream().noneMatch(PerformedStep::wasDone)) {
            return refuse(SessionRule.NOTHING_PERFORMED, "no step has been performed");
        }
        Optional<PerformedStep> heat = recorded.stream().filter(step -> step.keepsHeatOnAt(at)).findFirst();
        if (heat.isPresent()) {
            return refuse(SessionRule.HEAT_STILL_APPLIED, "the heat applied in step " + heat.get().sequence()
                    + " has not been removed");
        }
        List<?> unaccounted = plan.stepsToAccountFor().stream()
                .filter(planned -> recorded.stream().noneMatch(step -> step.step() == planned))
                .toList();
        if (!unaccounted.isEmpty()) {
            return refuse(SessionRule.STEPS_UNACCOUNTED, "not yet performed or skipped: " + unaccounted);
        }
        if (painBefore == null) {
            return refuse(SessionRule.PAIN_BEFORE_REQUIRED, "no pain score before the treatment has been recorded");
        }
        if (painAfter == null) {
            return refuse(SessionRule.PAIN_AFTER_REQUIRED, "no pain score after the treatment has been recorded");
        }
        return Optional.empty();
    }

    private static Optional<Refusal> refuse(SessionRule rule, String detail) {
        return Optional.of(new Refusal(rule, detail));
    }
}
