package care.sciatica.assessment.domain;

import care.sciatica.contracts.assessment.StepStatus;
import care.sciatica.contracts.common.TreatmentStep;

import java.util.List;
import java.util.Objects;

/**
 * One protocol step in a plan: included, modified or excluded, with its parameters, the cautions the practitioner
 * must respect and the reasons for any change. A modified or excluded step always says why.
 */
public record PlannedStep(
        TreatmentStep step,
        StepStatus status,
        StepParameters parameters,
        List<Reason> cautions,
        List<Reason> reasons
) {

    public PlannedStep {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(parameters, "parameters");
        cautions = List.copyOf(cautions);
        reasons = List.copyOf(reasons);
        if (status != StepStatus.INCLUDED && reasons.isEmpty()) {
            throw new IllegalArgumentException(step + " is " + status + " without a reason");
        }
    }

    public boolean isExcluded() {
        return status == StepStatus.EXCLUDED;
    }
}
