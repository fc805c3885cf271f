package care.sciatica.assessment.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/** A case's assessment as a clinician reads it: the disposition and the full reasoning of the plan or referral. */
public record AssessmentView(UUID assessmentId, UUID caseId, String siteId, int historyVersion, Integer planVersion,
                             String disposition, String status, String rulesVersion, Instant assessedAt,
                             JsonNode reasoning) {
}
