package care.sciatica.contracts.assessment;

import care.sciatica.contracts.common.Reason;
import care.sciatica.contracts.common.TreatmentStep;
import java.util.List;

/** A step whose status differs from the previous plan's, and why. */
public record PlanChange(
        TreatmentStep step,
        StepStatus previousStatus,
        StepStatus status,
        List<Reason> reasons
) {
}
