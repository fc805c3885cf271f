package care.sciatica.assessment.api;

import care.sciatica.contracts.assessment.PlannedStepParameters;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/** One clinical-lead override of the case, in the order made, with the lead's reason and the plan it produced. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OverrideView(int seq, OverrideRequest.Target target, String origin, String decision, String step,
                           String status, PlannedStepParameters parameters, String reason, String overriddenBy,
                           Instant overriddenAt, UUID producedAssessmentId) {
}
