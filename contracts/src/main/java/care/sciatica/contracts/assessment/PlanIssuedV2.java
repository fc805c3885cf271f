package care.sciatica.contracts.assessment;

import care.sciatica.contracts.common.Advice;
import java.time.Instant;
import java.util.List;

/**
 * Version 2 of the plan: the plan for one visit of the episode, with what changed since the previous plan. Beside
 * {@link PlanIssued} during the migration; consumers read both.
 * The likely origin with reasons, suitability, each protocol step with its parameters or exclusion, advice and the
 * follow-up interval.
 */
public record PlanIssuedV2(
        String caseId,
        String siteId,
        String patientRef,
        Instant occurredAt,
        String assessmentId,
        int planVersion,
        Integer supersedesPlanVersion,
        int basedOnHistoryVersion,
        int visit,
        String rulesVersion,
        OriginAssessment origin,
        Suitability suitability,
        List<PlannedStep> steps,
        List<Advice> advice,
        int followUpIntervalDays,
        List<PlanChange> changes
) {

    /** Reads a v1 plan as v2: a plan from before the episode of care is the first visit's, with nothing changed. */
    public static PlanIssuedV2 from(PlanIssued v1) {
        return new PlanIssuedV2(v1.caseId(), v1.siteId(), v1.patientRef(), v1.occurredAt(), v1.assessmentId(),
                v1.planVersion(), v1.supersedesPlanVersion(), v1.basedOnHistoryVersion(), 1, v1.rulesVersion(),
                v1.origin(), v1.suitability(), v1.steps(), v1.advice(), v1.followUpIntervalDays(), List.of());
    }
}
