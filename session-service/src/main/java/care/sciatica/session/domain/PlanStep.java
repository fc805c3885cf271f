package care.sciatica.session.domain;

import care.sciatica.contracts.assessment.PlannedStep;
import care.sciatica.contracts.assessment.PlannedStepParameters;
import care.sciatica.contracts.assessment.StepStatus;
import care.sciatica.contracts.common.Pressure;
import care.sciatica.contracts.common.Reason;
import care.sciatica.contracts.common.TreatmentStep;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One step of the plan as the session needs it: its place in the protocol's order, whether it is included, modified or
 * excluded, the limits it must respect (absent means no limit beyond the protocol's own) and the assessment's reasons
 * for a change, which name the rule behind a safety limit. A session stored before the reasons were kept has none.
 */
public record PlanStep(int order, TreatmentStep step, StepStatus status, Integer maxIceCubes, Integer maxMinutes,
        Pressure pressure, List<Reason> reasons) {

    public PlanStep {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    public PlanStep(int order, TreatmentStep step, StepStatus status, Integer maxIceCubes, Integer maxMinutes,
            Pressure pressure) {
        this(order, step, status, maxIceCubes, maxMinutes, pressure, List.of());
    }

    /** The step as the assessment planned it. */
    public static PlanStep from(PlannedStep planned) {
        PlannedStepParameters limits = planned.parameters();
        return limits == null
                ? new PlanStep(planned.order(), planned.step(), planned.status(), null, null, null, planned.reasons())
                : new PlanStep(planned.order(), planned.step(), planned.status(), limits.maxIceCubes(),
                        limits.maxMinutes(), limits.pressure(), planned.reasons());
    }

    public static PlanStep included(int order, TreatmentStep step) {
        return new PlanStep(order, step, StepStatus.INCLUDED, null, null, null);
    }

    public static PlanStep excluded(int order, TreatmentStep step) {
        return new PlanStep(order, step, StepStatus.EXCLUDED, null, null, null);
    }

    public boolean excluded() {
        return status == StepStatus.EXCLUDED;
    }

    /**
     * Whether the plan's limits on this step are safety limits: the assessment modified the step because of a
     * contraindication (an indication never modifies), so only a clinical lead's override may go beyond them.
     */
    public boolean limitedForSafety() {
        return status == StepStatus.MODIFIED;
    }

    /** The rules the assessment gave for changing the step, for a refusal to cite. */
    public String rulesCited() {
        return reasons.isEmpty() ? "the plan modified " + step
                : reasons.stream().map(Reason::ruleId).collect(Collectors.joining(", "));
    }

    /** What those rules said, in the assessment's words. */
    public String explanations() {
        return reasons.stream().map(Reason::explanation).collect(Collectors.joining("; "));
    }
}
