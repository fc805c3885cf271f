package care.sciatica.assessment.domain;

import care.sciatica.contracts.assessment.OriginAssessment;
import care.sciatica.contracts.assessment.OriginLikelihood;
import care.sciatica.contracts.assessment.PlanIssued;
import care.sciatica.contracts.assessment.PlannedStepParameters;
import care.sciatica.contracts.assessment.ReferralRequired;

import java.util.List;
import java.util.stream.IntStream;

/** Maps an assessment to the catalogue's event records, explicitly, so the domain never goes on the wire as is. */
public final class AssessmentEvents {

    private AssessmentEvents() {
    }

    /** PlanIssued for a plan, ReferralRequired for a referral. */
    public static Record of(Assessment assessment, AssessmentIds ids) {
        return switch (assessment) {
            case TreatmentPlan plan -> planIssued(plan, ids);
            case Referral referral -> referralRequired(referral, ids);
        };
    }

    public static PlanIssued planIssued(TreatmentPlan plan, AssessmentIds ids) {
        List<care.sciatica.contracts.assessment.PlannedStep> steps = IntStream.range(0, plan.steps().size())
                .mapToObj(i -> step(i + 1, plan.steps().get(i)))
                .toList();
        return new PlanIssued(ids.caseId(), ids.siteId(), ids.patientRef(), ids.occurredAt(), ids.assessmentId(),
                ids.planVersion(), ids.supersedesPlanVersion(), ids.basedOnHistoryVersion(), plan.rulesVersion(),
                origin(plan.origin()),
                new care.sciatica.contracts.assessment.Suitability(plan.suitability().decision(),
                        reasons(plan.suitability().reasons())),
                steps, plan.advice(), plan.followUpIntervalDays());
    }

    public static ReferralRequired referralRequired(Referral referral, AssessmentIds ids) {
        return new ReferralRequired(ids.caseId(), ids.siteId(), ids.patientRef(), ids.occurredAt(), ids.assessmentId(),
                ids.basedOnHistoryVersion(), null, referral.rulesVersion(), referral.urgency(), reasons(referral.reasons()));
    }

    private static OriginAssessment origin(LikelyOrigin origin) {
        return new OriginAssessment(origin.primary(), origin.estimates().stream()
                .map(e -> new OriginLikelihood(e.origin(), e.likelihood(), e.level(),
                        reasons(e.findingsFor()), reasons(e.findingsAgainst())))
                .toList());
    }

    private static care.sciatica.contracts.assessment.PlannedStep step(int order, PlannedStep step) {
        StepParameters p = step.parameters();
        return new care.sciatica.contracts.assessment.PlannedStep(order, step.step(), step.status(),
                new PlannedStepParameters(p.maxIceCubes(), p.maxMinutes(), p.heatKind(), p.pressure(), p.regions()),
                reasons(step.cautions()), reasons(step.reasons()));
    }

    private static List<care.sciatica.contracts.common.Reason> reasons(List<Reason> reasons) {
        return reasons.stream()
                .map(r -> new care.sciatica.contracts.common.Reason(r.ruleId(), r.finding(), r.explanation()))
                .toList();
    }
}
