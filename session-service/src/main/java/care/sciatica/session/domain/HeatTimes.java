package care.sciatica.session.domain;

import care.sciatica.contracts.common.TreatmentStep;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Heat against the clock: when the heat was applied can never be later than now (beyond a device clock's small
 * drift), and heat that stayed on longer than the plan's maximum minutes is flagged on the session, not refused, so
 * that taking the heat off, completing and ending early always stay possible.
 */
final class HeatTimes {

    /** How far a device's clock may run ahead of the service's before a time it sends counts as the future. */
    static final Duration CLOCK_DRIFT_ALLOWED = Duration.ofMinutes(1);

    private HeatTimes() {
    }

    /** Whether a time a therapist reports as past is in the future at {@code now}, allowing for clock drift. */
    static boolean inTheFuture(Instant reported, Instant now) {
        return reported != null && reported.isAfter(now.plus(CLOCK_DRIFT_ALLOWED));
    }

    /** The plan's maximum minutes of heat; the protocol's own upper bound when the plan gives none. */
    static int maxMinutes(TreatmentPlan plan) {
        return plan.step(TreatmentStep.HEAT).map(PlanStep::maxMinutes).orElse(null) instanceof Integer max
                ? max : StepRules.MOST_MINUTES;
    }

    /**
     * The heat steps not flagged yet that are known, at {@code until}, to have been on longer than the plan allows:
     * those taken off by then, and, when the session is closing, those still on.
     */
    static List<FlaggedDeviation> overruns(TreatmentPlan plan, List<PerformedStep> steps,
            List<FlaggedDeviation> flagged, Instant until, boolean closing) {
        Set<Integer> already = flagged.stream().filter(f -> f.code().equals(FlaggedDeviation.HEAT_LEFT_ON_TOO_LONG))
                .map(FlaggedDeviation::stepSequence).collect(Collectors.toSet());
        int max = maxMinutes(plan);
        return steps.stream()
                .filter(step -> step.step() == TreatmentStep.HEAT && step.wasDone() && !already.contains(step.sequence()))
                .flatMap(heat -> overrun(heat, max, until, closing).stream())
                .toList();
    }

    private static Optional<FlaggedDeviation> overrun(PerformedStep heat, int max, Instant until, boolean closing) {
        Instant applied = heat.parameters().heatAppliedAt();
        Instant removed = heat.parameters().heatRemovedAt();
        boolean off = removed != null && !removed.isAfter(until);
        if (applied == null || !(off || closing)) {
            return Optional.empty();
        }
        Instant end = off ? removed : until;
        Duration on = Duration.between(applied, end);
        if (on.compareTo(Duration.ofMinutes(max)) <= 0) {
            return Optional.empty();
        }
        String reason = (off ? "Heat was on for " + on.toMinutes() + " minutes"
                : "Heat still on after " + on.toMinutes() + " minutes when the session closed")
                + ", the plan allows " + max + ": check the skin for burns and record what was seen";
        return Optional.of(new FlaggedDeviation(FlaggedDeviation.HEAT_LEFT_ON_TOO_LONG, heat.sequence(),
                TreatmentStep.HEAT, reason, until));
    }
}
