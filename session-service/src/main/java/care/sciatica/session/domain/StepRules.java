package care.sciatica.session.domain;

import static care.sciatica.contracts.common.TreatmentStep.EXPLANATION_AND_CONSENT;
import static care.sciatica.contracts.common.TreatmentStep.HEAT;
import static care.sciatica.contracts.common.TreatmentStep.ICE_MASSAGE;
import static care.sciatica.contracts.common.TreatmentStep.MASSAGE_AREA_AND_SPINE;

import care.sciatica.contracts.session.StepOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The safety rules for recording a step against the session's plan and what was already recorded: ice cubes, times
 * that have not happened yet, excluded steps and overrides, massage under heat, safety limits only a clinical lead may
 * lift, the protocol's order, the plan's limits and deviation reasons.
 */
final class StepRules {

    static final int MOST_ICE_CUBES_AT_ONCE = 2;
    static final int MOST_MINUTES = 60;

    private StepRules() {
    }

    /** The first rule the report would break, if any; the first rules are the ones a therapist most needs to hear. */
    static Optional<Refusal> check(TreatmentPlan plan, List<PerformedStep> recorded, StepReport report, Instant at) {
        return completeness(report)
                .or(() -> iceCubes(report))
                .or(() -> parameters(report))
                .or(() -> notYetHappened(report, at))
                .or(() -> reasonFitsOutcome(report))
                .or(() -> report.outcome() == StepOutcome.SKIPPED ? Optional.empty() : exclusion(plan, report))
                .or(() -> report.outcome() == StepOutcome.SKIPPED ? Optional.empty() : heat(recorded, report, at))
                .or(() -> report.outcome() == StepOutcome.SKIPPED ? Optional.empty() : safetyLimits(plan, report))
                .or(() -> report.deviationReason() != null ? Optional.empty() : order(plan, recorded, report))
                .or(() -> report.deviationReason() != null ? Optional.empty() : limits(plan, report));
    }

    private static Optional<Refusal> completeness(StepReport report) {
        if (report.step() == null || report.outcome() == null) {
            return refuse(SessionRule.INVALID_INPUT, "a step is recorded with its step and outcome");
        }
        if (report.step() == EXPLANATION_AND_CONSENT) {
            return refuse(SessionRule.CONSENT_IS_NOT_A_STEP, "use the explanation and the consent records");
        }
        return Optional.empty();
    }

    private static Optional<Refusal> iceCubes(StepReport report) {
        Integer cubes = report.parameters().iceCubesAtOnce();
        return cubes != null && cubes > MOST_ICE_CUBES_AT_ONCE
                ? refuse(SessionRule.ICE_CUBE_LIMIT, cubes + " ice cubes at once were recorded for " + report.step())
                : Optional.empty();
    }

    private static Optional<Refusal> parameters(StepReport report) {
        StepParameters applied = report.parameters();
        boolean done = report.outcome() != StepOutcome.SKIPPED;
        if (applied.iceCubesAtOnce() != null && applied.iceCubesAtOnce() < 1) {
            return refuse(SessionRule.INVALID_INPUT, "iceCubesAtOnce is at least 1");
        }
        if (applied.minutes() != null && (applied.minutes() < 0 || applied.minutes() > MOST_MINUTES)) {
            return refuse(SessionRule.INVALID_INPUT, "minutes is between 0 and " + MOST_MINUTES);
        }
        if (applied.heatRemovedAt() != null
                && (applied.heatAppliedAt() == null || applied.heatRemovedAt().isBefore(applied.heatAppliedAt()))) {
            return refuse(SessionRule.INVALID_INPUT, "heatRemovedAt comes after heatAppliedAt");
        }
        if (done && report.step() == ICE_MASSAGE && applied.iceCubesAtOnce() == null) {
            return refuse(SessionRule.INVALID_INPUT, "an ice massage records how many ice cubes were used at once");
        }
        if (done && report.step() == HEAT && applied.heatAppliedAt() == null) {
            return refuse(SessionRule.INVALID_INPUT, "a heat step records when the heat was applied (heatAppliedAt)");
        }
        return Optional.empty();
    }

    /** The heat is applied now or earlier: a time in the future cannot be a record of what was done. */
    private static Optional<Refusal> notYetHappened(StepReport report, Instant at) {
        Instant applied = report.parameters().heatAppliedAt();
        if (HeatTimes.inTheFuture(applied, at)) {
            return Optional.of(new Refusal(SessionRule.INVALID_INPUT, "heatAppliedAt " + applied + " is in the future"
                    + " (now " + at + "); record when the heat was applied", "parameters.heatAppliedAt"));
        }
        return Optional.empty();
    }

    private static Optional<Refusal> reasonFitsOutcome(StepReport report) {
        if (report.outcome() != StepOutcome.PERFORMED && report.deviationReason() == null) {
            return refuse(SessionRule.DEVIATION_REASON_REQUIRED, report.step() + " was " + report.outcome()
                    + " without a reason");
        }
        if (report.outcome() == StepOutcome.PERFORMED && report.deviationReason() != null) {
            return refuse(SessionRule.REASON_WITHOUT_DEVIATION, report.step() + " was reported PERFORMED with "
                    + report.deviationReason());
        }
        return Optional.empty();
    }

    private static Optional<Refusal> exclusion(TreatmentPlan plan, StepReport report) {
        Optional<PlanStep> planned = plan.step(report.step());
        if (planned.isPresent() && !planned.get().excluded()) {
            return Optional.empty();
        }
        String why = planned.isEmpty() ? report.step() + " is not in the plan" : "the plan excluded " + report.step();
        if (report.step() == ICE_MASSAGE || report.step() == HEAT) {
            return refuse(SessionRule.EXCLUDED_ICE_OR_HEAT, why);
        }
        if (report.override() == null || !report.override().namesLeadAndReason()) {
            return refuse(SessionRule.EXCLUDED_STEP_WITHOUT_OVERRIDE, why + " and no complete override was given");
        }
        if (report.deviationReason() == null) {
            return refuse(SessionRule.DEVIATION_REASON_REQUIRED, why + "; performing it is a deviation: record it as"
                    + " MODIFIED with a reason such as CLINICAL_LEAD_OVERRIDE");
        }
        return Optional.empty();
    }

    private static Optional<Refusal> heat(List<PerformedStep> recorded, StepReport report, Instant at) {
        if (report.step() != MASSAGE_AREA_AND_SPINE) {
            return Optional.empty();
        }
        return recorded.stream()
                .filter(step -> step.keepsHeatOnAt(at))
                .findFirst()
                .flatMap(heat -> refuse(SessionRule.MASSAGE_UNDER_HEAT, "the heat applied in step " + heat.sequence()
                        + " has not been removed"));
    }

    private static Optional<Refusal> order(TreatmentPlan plan, List<PerformedStep> recorded, StepReport report) {
        Optional<PlanStep> planned = plan.step(report.step());
        if (planned.isEmpty()) {
            return Optional.empty();
        }
        return recorded.stream()
                .flatMap(done -> plan.step(done.step()).stream())
                .filter(already -> already.order() > planned.get().order())
                .findFirst()
                .flatMap(later -> refuse(SessionRule.OUT_OF_ORDER, report.step() + " comes before " + later.step()
                        + " in the plan, and " + later.step() + " was already recorded"));
    }

    /**
     * A step the plan modified for a contraindication keeps within its limits whatever deviation reason the therapist
     * gives; only a clinical lead's override, naming the lead and a reason, goes beyond them.
     */
    private static Optional<Refusal> safetyLimits(TreatmentPlan plan, StepReport report) {
        Optional<PlanStep> planned = plan.step(report.step()).filter(PlanStep::limitedForSafety);
        Optional<String> beyond = planned.flatMap(limit -> beyond(limit, report));
        if (beyond.isEmpty()) {
            return Optional.empty();
        }
        PlanStep limit = planned.get();
        String why = beyond.get() + ", set by " + limit.rulesCited();
        if (report.override() == null || !report.override().namesLeadAndReason()) {
            String notLifted = report.deviationReason() == null ? "" : "; " + report.deviationReason()
                    + " does not lift it";
            String said = limit.explanations().isEmpty() ? "" : " (" + limit.explanations() + ")";
            return Optional.of(new Refusal(SessionRule.SAFETY_LIMIT_EXCEEDED, why + notLifted + said,
                    "parameters." + beyondField(limit, report)));
        }
        if (report.deviationReason() == null) {
            return refuse(SessionRule.DEVIATION_REASON_REQUIRED, why + "; going beyond it is a deviation: record it as"
                    + " MODIFIED with a reason such as CLINICAL_LEAD_OVERRIDE");
        }
        return Optional.empty();
    }

    private static Optional<Refusal> limits(TreatmentPlan plan, StepReport report) {
        return plan.step(report.step()).flatMap(limit -> beyond(limit, report))
                .flatMap(beyond -> refuse(SessionRule.PLAN_LIMIT_EXCEEDED, beyond));
    }

    /** How the report goes beyond the plan's limits for the step, if it does. */
    private static Optional<String> beyond(PlanStep limit, StepReport report) {
        StepParameters applied = report.parameters();
        if (exceeds(applied.iceCubesAtOnce(), limit.maxIceCubes())) {
            return Optional.of(applied.iceCubesAtOnce() + " ice cubes at once, the plan allows " + limit.maxIceCubes());
        }
        if (exceeds(applied.minutes(), limit.maxMinutes())) {
            return Optional.of(applied.minutes() + " minutes of " + report.step() + ", the plan allows "
                    + limit.maxMinutes());
        }
        if (applied.pressure() != null && limit.pressure() != null
                && applied.pressure().compareTo(limit.pressure()) > 0) {
            return Optional.of(applied.pressure() + " pressure for " + report.step() + ", the plan allows "
                    + limit.pressure());
        }
        return Optional.empty();
    }

    /** The parameter that goes beyond the limit, checked in the same order as {@link #beyond}. */
    private static String beyondField(PlanStep limit, StepReport report) {
        StepParameters applied = report.parameters();
        return exceeds(applied.iceCubesAtOnce(), limit.maxIceCubes()) ? "iceCubesAtOnce"
                : exceeds(applied.minutes(), limit.maxMinutes()) ? "minutes" : "pressure";
    }

    private static boolean exceeds(Integer applied, Integer limit) {
        return applied != null && limit != null && applied > limit;
    }

    private static Optional<Refusal> refuse(SessionRule rule, String detail) {
        return Optional.of(new Refusal(rule, detail));
    }
}
