package care.sciatica.assessment.api;

import care.sciatica.contracts.assessment.OriginAssessment;
import care.sciatica.contracts.assessment.PlanChange;
import care.sciatica.contracts.assessment.PlanIssued;
import care.sciatica.contracts.assessment.PlanIssuedV2;
import care.sciatica.contracts.assessment.PlannedStep;
import care.sciatica.contracts.assessment.ReferralRequired;
import care.sciatica.contracts.assessment.Suitability;
import care.sciatica.contracts.assessment.Urgency;
import care.sciatica.contracts.common.Advice;
import care.sciatica.contracts.common.Reason;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * Why the assessment decided what it did, as a clinician reads it: for a plan, each origin's likelihood with the
 * findings for and against, suitability with reasons, every step with its status, parameters, cautions and reasons,
 * advice and the follow-up interval, and what changed since the previous visit's plan; for a referral, its urgency
 * and every red flag that fired. Both name the visit they are for.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AssessmentReasoning(
        @Schema(description = "PLAN or REFERRAL") String disposition,
        @Schema(description = "The rule-set version that produced this assessment") String rulesVersion,
        OriginAssessment origin,
        Suitability suitability,
        @Schema(description = "The protocol's steps in order, each INCLUDED, MODIFIED or EXCLUDED with its reasons")
        List<PlannedStep> steps,
        List<Advice> advice,
        Integer followUpIntervalDays,
        Urgency urgency,
        @Schema(description = "For a referral: every red flag that fired") List<Reason> referralReasons,
        @Schema(description = "The visit of the episode this assessment is for: 1 at intake, 2 and later at follow-up"
                + " visits") Integer visit,
        @Schema(description = "For a plan: each step whose status differs from the case's previous plan, and why;"
                + " empty for a first visit's plan") List<PlanChange> changes
) {

    public static AssessmentReasoning of(Record event) {
        return switch (event) {
            case PlanIssued plan -> of(PlanIssuedV2.from(plan));
            case PlanIssuedV2 plan -> new AssessmentReasoning("PLAN", plan.rulesVersion(), plan.origin(),
                    plan.suitability(), plan.steps(), plan.advice(), plan.followUpIntervalDays(), null, null,
                    plan.visit(), plan.changes());
            case ReferralRequired referral -> new AssessmentReasoning("REFERRAL", referral.rulesVersion(), null, null,
                    null, null, null, referral.urgency(), referral.reasons(),
                    referral.visit() == null ? 1 : referral.visit(), null);
            default -> throw new IllegalArgumentException("Not an assessment event: " + event.getClass());
        };
    }
}
