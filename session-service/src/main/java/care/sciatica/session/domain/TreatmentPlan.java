package care.sciatica.session.domain;

import care.sciatica.contracts.assessment.PlanIssued;
import care.sciatica.contracts.assessment.PlanIssuedV2;
import care.sciatica.contracts.common.Origin;
import care.sciatica.contracts.common.TreatmentStep;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The plan a session was opened for, frozen at that moment: its version, the visit of the episode it is for, the
 * primary origin and each protocol step in order. A later plan version applies only to sessions opened after it.
 *
 * @param visit 1 at intake, 2 and later at follow-up visits; a session stored before the episode of care has none and
 *              was the first visit's
 */
public record TreatmentPlan(int planVersion, Integer visit, Origin primaryOrigin, List<PlanStep> steps) {

    public TreatmentPlan {
        Objects.requireNonNull(primaryOrigin, "primaryOrigin");
        visit = visit == null ? 1 : visit;
        steps = steps.stream().sorted(Comparator.comparingInt(PlanStep::order)).toList();
    }

    /** The plan as the assessment issued it, whichever version of plan-issued carried it. */
    public static TreatmentPlan from(PlanIssuedV2 issued) {
        return new TreatmentPlan(issued.planVersion(), issued.visit(), issued.origin().primary(),
                issued.steps().stream().map(PlanStep::from).toList());
    }

    /** A v1 plan, read as v2: the first visit's. */
    public static TreatmentPlan from(PlanIssued issued) {
        return from(PlanIssuedV2.from(issued));
    }

    /** The plan's entry for a step; empty when the plan does not list it, which the session treats as excluded. */
    public Optional<PlanStep> step(TreatmentStep step) {
        return steps.stream().filter(planned -> planned.step() == step).findFirst();
    }

    /** Whether the plan lists the step and does not exclude it. */
    public boolean includes(TreatmentStep step) {
        return step(step).filter(planned -> !planned.excluded()).isPresent();
    }

    /** The steps a session must perform or skip with a reason before it completes (consent is recorded apart). */
    public List<TreatmentStep> stepsToAccountFor() {
        return steps.stream()
                .filter(planned -> !planned.excluded() && planned.step() != TreatmentStep.EXPLANATION_AND_CONSENT)
                .map(PlanStep::step)
                .distinct()
                .toList();
    }
}
