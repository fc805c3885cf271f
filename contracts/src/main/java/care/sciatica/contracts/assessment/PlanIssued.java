package care.sciatica.contracts.assessment;

import care.sciatica.contracts.common.Advice;
import java.time.Instant;
import java.util.List;

/** A treatment plan for a case: the likely origin with reasons, suitability, each protocol step with its parameters or exclusion, advice and the follow-up interval. */
public record PlanIssued(
        String caseId,
        String siteId,
        String patientRef,
        Instant occurredAt,
        String assessmentId,
        int planVersion,
        Integer supersedesPlanVersion,
        int basedOnHistoryVersion,
        String rulesVersion,
        OriginAssessment origin,
        Suitability suitability,
        List<PlannedStep> steps,
        List<Advice> advice,
        int followUpIntervalDays
) {
}
