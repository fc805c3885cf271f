package care.sciatica.assessment.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/** One line of a site's list of assessments: what was decided, for which case, by which rules, and whether current. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AssessmentSummary(UUID assessmentId, UUID caseId, String siteId, String patientRef, int historyVersion,
                                Integer planVersion, String disposition, String status, String primaryOrigin,
                                String urgency, String rulesVersion, Instant assessedAt, int visit) {
}
