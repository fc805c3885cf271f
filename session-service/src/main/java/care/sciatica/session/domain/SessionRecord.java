package care.sciatica.session.domain;

import static care.sciatica.session.domain.SessionState.CONSENTED;
import static care.sciatica.session.domain.SessionState.IN_PROGRESS;

import care.sciatica.contracts.common.Advice;
import care.sciatica.contracts.session.ConsentDecision;
import care.sciatica.contracts.session.EndReason;
import care.sciatica.session.domain.SessionEvent.PainScored.Moment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The session's record so far: what was explained, consented, scored, done and advised, and how it closed. It changes
 * only by applying the events a {@link TreatmentSession} command decided, after every rule has passed.
 */
final class SessionRecord {

    final SessionIdentity identity;
    final TreatmentPlan plan;
    final Instant openedAt;
    final List<PerformedStep> steps;
    final List<Advice> advice;
    final List<FlaggedDeviation> deviations;
    SessionState state;
    Explanation explanation;
    Consent consent;
    Consent withdrawal;
    Integer painBefore;
    Integer painAfter;
    EndReason endReason;
    Instant closedAt;

    SessionRecord(SessionSnapshot from) {
        identity = from.identity();
        plan = from.plan();
        openedAt = from.openedAt();
        steps = new ArrayList<>(from.steps());
        advice = new ArrayList<>(from.advice());
        deviations = new ArrayList<>(from.deviations());
        state = from.state();
        explanation = from.explanation();
        consent = from.consent();
        withdrawal = from.withdrawal();
        painBefore = from.painBefore();
        painAfter = from.painAfter();
        endReason = from.endReason();
        closedAt = from.closedAt();
    }

    SessionSnapshot snapshot() {
        return new SessionSnapshot(identity, plan, openedAt, state, explanation, consent, withdrawal, painBefore,
                painAfter, steps, advice, endReason, closedAt, deviations);
    }

    boolean consentGiven() {
        return consent != null && consent.decision() == ConsentDecision.GIVEN;
    }

    void apply(SessionEvent event) {
        switch (event) {
            case SessionEvent.Explained explained -> explanation = explained.explanation();
            case SessionEvent.ConsentDecided decided -> decide(decided.consent());
            case SessionEvent.PainScored scored -> {
                if (scored.moment() == Moment.BEFORE) {
                    painBefore = scored.nrs();
                } else {
                    painAfter = scored.nrs();
                }
            }
            case SessionEvent.StepRecorded recorded -> {
                steps.add(recorded.step());
                state = IN_PROGRESS;
            }
            case SessionEvent.HeatRemoved removed -> steps.replaceAll(step ->
                    removed.heatSteps().contains(step.sequence()) ? step.withHeatRemovedAt(removed.at()) : step);
            case SessionEvent.DeviationFlagged flagged -> deviations.add(flagged.deviation());
            case SessionEvent.AdviceGiven given ->
                    given.advice().stream().filter(item -> !advice.contains(item)).forEach(advice::add);
            case SessionEvent.Completed completed -> close(SessionState.COMPLETED, null, completed.at());
            case SessionEvent.EndedEarly ended -> close(switch (ended.endState()) {
                case ENDED_EARLY -> SessionState.ENDED_EARLY;
                case WITHDRAWN -> SessionState.WITHDRAWN;
                case REFUSED -> SessionState.REFUSED;
            }, ended.reason(), ended.at());
        }
    }

    private void decide(Consent decision) {
        switch (decision.decision()) {
            case GIVEN -> {
                consent = decision;
                state = CONSENTED;
            }
            case REFUSED -> consent = decision;
            case WITHDRAWN -> withdrawal = decision;
        }
    }

    private void close(SessionState closedAs, EndReason reason, Instant at) {
        state = closedAs;
        endReason = reason;
        closedAt = at;
    }
}
