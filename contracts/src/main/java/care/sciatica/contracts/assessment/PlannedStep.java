package care.sciatica.contracts.assessment;

import care.sciatica.contracts.common.Reason;
import care.sciatica.contracts.common.TreatmentStep;
import java.util.List;

/** One protocol step in the plan: included, modified or excluded, with its parameters, cautions and the reasons for any change. */
public record PlannedStep(
        int order,
        TreatmentStep step,
        StepStatus status,
        PlannedStepParameters parameters,
        List<Reason> cautions,
        List<Reason> reasons
) {
}
