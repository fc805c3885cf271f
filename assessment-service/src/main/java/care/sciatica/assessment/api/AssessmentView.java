package care.sciatica.assessment.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A case's assessment as a clinician reads it: the disposition, the versions, the full reasoning of the plan or
 * referral, and every clinical-lead override on the case with the lead's own reason (which never leaves the service
 * in an event).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AssessmentView(UUID assessmentId, UUID caseId, String siteId, int historyVersion, Integer planVersion,
                             Integer supersedesPlanVersion, String disposition, String status, String rulesVersion,
                             Instant assessedAt, String producedBy, AssessmentReasoning reasoning,
                             List<OverrideView> overrides, int visit) {
}
