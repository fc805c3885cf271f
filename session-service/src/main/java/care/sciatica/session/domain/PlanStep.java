package care.sciatica.session.domain;

import care.sciatica.contracts.assessment.PlannedStep;
import care.sciatica.contracts.assessment.PlannedStepParameters;
import care.sciatica.contracts.assessment.StepStatus;
import care.sciatica.contracts.common.Pressure;
import care.sciatica.contracts.common.TreatmentStep;

/**
 * One step of the plan as the session needs it: its place in the protocol's order, whether it is included, modified or
 * excluded, and the limits it must respect (absent means no limit beyond the protocol's own).
 */
public record PlanStep(int order, TreatmentStep step, StepStatus status, Integer maxIceCubes, Integer maxMinutes,
        Pressure pressure) {

    /** The step as the assessment planned it. */
    public static PlanStep from(PlannedStep planned) {
        PlannedStepParameters limits = planned.parameters();
        return limits == null
                ? new PlanStep(planned.order(), planned.step(), planned.status(), null, null, null)
                : new PlanStep(planned.order(), planned.step(), planned.status(), limits.maxIceCubes(),
                        limits.maxMinutes(), limits.pressure());
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
}
