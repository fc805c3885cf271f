package care.sciatica.assessment.domain;

import care.sciatica.contracts.assessment.OriginAssessment;
import care.sciatica.contracts.assessment.OriginLikelihood;
import care.sciatica.contracts.assessment.PlanChange;
import care.sciatica.contracts.assessment.PlanIssued;
import care.sciatica.contracts.assessment.PlanIssuedV2;
import care.sciatica.contracts.assessment.PlannedStepParameters;
import care.sciatica.contracts.assessment.ReferralRequired;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Maps an assessment to the catalogue's event records, explicitly, so the domain never goes on the wire as is.
 *
 * <p>A first visit's plan is still published as {@code plan-issued.v1}, exactly as before the episode of care, because
 * every consumer reads v1; a follow-up visit's plan is {@code plan-issued.v2}, with its visit and what changed since
 * the previous plan. Publishing every plan as v2 is a later step of the migration, once all consumers read v2.
 */
public final class AssessmentEvents {

    private AssessmentEvents() {
    }

    /** The event of an assessment that has no previous plan to compare with (a first plan, a referral, a preview). */
    public static Record of(Assessment assessment, AssessmentIds ids) {
        return of(assessment, ids, List.of());
    }

    /**
     * PlanIssued for a first visit's plan, PlanIssuedV2 for a later visit's (its changes measured against
     * {@code previousSteps}, the steps of the case's previous plan), ReferralRequired for a referral.
     */
    public static Record of(Assessment assessment, AssessmentIds ids, List<PlannedStep> previousSteps) {
        return switch (assessment) {
            case TreatmentPlan plan when ids.visit() == 1 -> planIssued(plan, ids);
            case TreatmentPlan plan -> planIssuedV2(plan, ids, PlanChanges.between(previousSteps, plan.steps()));
            case Referral referral -> referralRequired(referral, ids);
        };
    }

    public static PlanIssuedV2 planIssuedV2(TreatmentPlan plan, AssessmentIds ids, List<PlanChanges.StepChange> changes) {
        PlanIssued v1 = planIssued(plan, ids);
        return new PlanIssuedV2(v1.caseId(), v1.siteId(), v1.patientRef(), v1.occurredAt(), v1.assessmentId(),
                v1.planVersion(), v1.supersedesPlanVersion(), v1.basedOnHistoryVersion(), ids.visit(), v1.rulesVersion(),
                v1.origin(), v1.suitability(), v1.steps(), v1.advice(), v1.followUpIntervalDays(),
                changes.stream().map(c -> new PlanChange(c.step(), c.previousStatus(), c.status(), reasons(c.reasons())))
                        .toList());
    }

    /** A published plan's steps read back into the domain, so a later visit's plan can say what changed. */
    public static List<PlannedStep> stepsOf(PlanIssuedV2 published) {
        return published.steps().stream()
                .map(s -> new PlannedStep(s.step(), s.status(), parameters(s.parameters()), domain(s.cautions()),
                        domain(s.reasons())))
                .toList();
    }

    private static StepParameters parameters(PlannedStepParameters p) {
        return p == null ? StepParameters.none()
                : new StepParameters(p.maxIceCubes(), p.maxMinutes(), p.heatKind(), p.pressure(), p.regions());
    }

    private static List<Reason> domain(List<care.sciatica.contracts.common.Reason> reasons) {
        return reasons == null ? List.of()
                : reasons.stream().map(r -> new Reason(r.ruleId(), r.finding(), r.explanation())).toList();
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
                ids.basedOnHistoryVersion(), ids.visit(), referral.rulesVersion(), referral.urgency(), reasons(referral.reasons()));
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
