package care.sciatica.assessment.api;

import care.sciatica.contracts.assessment.OriginAssessment;
import care.sciatica.contracts.assessment.PlanIssued;
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
 * advice and the follow-up interval; for a referral, its urgency and every red flag that fired.
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
        @Schema(description = "For a referral: every red flag that fired") List<Reason> referralReasons
) {

    public static AssessmentReasoning of(Record event) {
        return switch (event) {
            case PlanIssued plan -> new AssessmentReasoning("PLAN", plan.rulesVersion(), plan.origin(),
                    plan.suitability(), plan.steps(), plan.advice(), plan.followUpIntervalDays(), null, null);
            case ReferralRequired referral -> new AssessmentReasoning("REFERRAL", referral.rulesVersion(), null, null,
                    null, null, null, referral.urgency(), referral.reasons());
            default -> throw new IllegalArgumentException("Not an assessment event: " + event.getClass());
        };
    }
}
