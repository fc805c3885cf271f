package care.sciatica.session.domain;

import care.sciatica.contracts.common.Advice;
import care.sciatica.contracts.common.TreatmentStep;
import care.sciatica.contracts.session.DeviationReason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a completed session achieved, as the follow-up needs it: pain before and after and the change (negative means
 * less pain), the steps done, the planned steps skipped with their reason, and the advice given.
 */
public record SessionOutcome(int painBefore, int painAfter, int painChange, List<TreatmentStep> stepsPerformed,
        List<Skipped> stepsSkipped, List<Advice> adviceGiven) {

    public SessionOutcome {
        stepsPerformed = List.copyOf(stepsPerformed);
        stepsSkipped = List.copyOf(stepsSkipped);
        adviceGiven = List.copyOf(adviceGiven);
    }

    /** A step that was not done in the session, with the reason given when it was skipped. */
    public record Skipped(TreatmentStep step, DeviationReason reason) {
    }

    static SessionOutcome of(int painBefore, int painAfter, List<PerformedStep> recorded, List<Advice> advice) {
        return new SessionOutcome(painBefore, painAfter, painAfter - painBefore, stepsDone(true, recorded),
                stepsSkipped(recorded), advice);
    }

    /**
     * The distinct steps done, in the order first done; explanation and consent come first when consent was given,
     * because they are the protocol's first step even though they are recorded apart.
     */
    static List<TreatmentStep> stepsDone(boolean consentGiven, List<PerformedStep> recorded) {
        List<TreatmentStep> done = new ArrayList<>();
        if (consentGiven) {
            done.add(TreatmentStep.EXPLANATION_AND_CONSENT);
        }
        recorded.stream()
                .filter(PerformedStep::wasDone)
                .map(PerformedStep::step)
                .filter(step -> !done.contains(step))
                .forEach(done::add);
        return List.copyOf(done);
    }

    /** The steps skipped and never done afterwards, each with the reason given at its last skip. */
    static List<Skipped> stepsSkipped(List<PerformedStep> recorded) {
        Map<TreatmentStep, DeviationReason> skipped = new LinkedHashMap<>();
        recorded.stream()
                .filter(step -> !step.wasDone())
                .forEach(step -> skipped.put(step.step(), step.deviationReason()));
        recorded.stream().filter(PerformedStep::wasDone).forEach(step -> skipped.remove(step.step()));
        return skipped.entrySet().stream().map(entry -> new Skipped(entry.getKey(), entry.getValue())).toList();
    }
}
