package care.sciatica.assessment.api;

import care.sciatica.contracts.assessment.PlannedStepParameters;
import care.sciatica.contracts.assessment.StepStatus;
import care.sciatica.contracts.assessment.SuitabilityDecision;
import care.sciatica.contracts.common.Origin;
import care.sciatica.contracts.common.TreatmentStep;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A clinical lead's override of the current plan: the origin, the suitability or one step, always with a reason.
 * Only the fields of the chosen target may be set.
 */
public record OverrideRequest(
        @Schema(required = true) Target target,
        @Schema(description = "target ORIGIN: the origin the lead names (UNDETERMINED: none convinces)") Origin origin,
        @Schema(description = "target SUITABILITY: TREAT or TREAT_WITH_MODIFICATIONS") SuitabilityDecision decision,
        @Schema(description = "target STEP: which step") TreatmentStep step,
        @Schema(description = "target STEP: INCLUDED, MODIFIED or EXCLUDED") StepStatus status,
        @Schema(description = "target STEP, optional: limits replacing the planned ones (never more than 2 ice cubes)")
        PlannedStepParameters parameters,
        @Schema(required = true, maxLength = 2000,
                description = "Why: kept in this service (audit and override record), never put in an event")
        String reason
) {

    /** What an override changes. */
    public enum Target {
        ORIGIN, SUITABILITY, STEP
    }
}
