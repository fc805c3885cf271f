package care.sciatica.session.domain;

import static care.sciatica.session.domain.SessionState.CONSENTED;
import static care.sciatica.session.domain.SessionState.IN_PROGRESS;
import static care.sciatica.session.domain.SessionState.OPEN;

import care.sciatica.contracts.common.Advice;
import care.sciatica.contracts.session.ConsentDecision;
import care.sciatica.contracts.session.ConsentMethod;
import care.sciatica.contracts.session.EndReason;
import care.sciatica.contracts.session.EndState;
import care.sciatica.session.domain.SessionEvent.PainScored.Moment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One treatment session for a plan: the explanation and consent, the pain scores, each step as the therapist did it
 * and the advice given. A command returns what it changed, or throws a {@link SessionRuleViolation} and changes
 * nothing; time is always passed in, so the same commands give the same session.
 */
public final class TreatmentSession {

    private final SessionRecord record;

    private TreatmentSession(SessionSnapshot snapshot) {
        record = new SessionRecord(snapshot);
    }

    /** A new session for the plan, waiting for the explanation and consent. */
    public static TreatmentSession open(SessionIdentity identity, TreatmentPlan plan, Instant openedAt) {
        return restore(new SessionSnapshot(identity, plan, Objects.requireNonNull(openedAt, "openedAt"), OPEN,
                null, null, null, null, null, List.of(), List.of(), null, null, List.of()));
    }

    /** The session as it was stored. */
    public static TreatmentSession restore(SessionSnapshot snapshot) {
        return new TreatmentSession(snapshot);
    }

    /** The session's whole state, to be stored. */
    public SessionSnapshot snapshot() {
        return record.snapshot();
    }

    public SessionIdentity identity() {
        return record.identity;
    }

    public TreatmentPlan plan() {
        return record.plan;
    }

    public SessionState state() {
        return record.state;
    }

    /** Records what was explained; points explained in several goes add up, the latest answer on questions counts. */
    public List<SessionEvent> recordExplanation(Collection<ExplanationPoint> pointsExplained, boolean questionsAnswered,
            Instant at) {
        allowedIn("recordExplanation", OPEN);
        require(at != null && pointsExplained != null && pointsExplained.stream().anyMatch(Objects::nonNull),
                "an explanation names at least one point explained, and when");
        Explanation soFar = record.explanation == null
                ? new Explanation(List.of(), questionsAnswered, at)
                : record.explanation;
        return apply(new SessionEvent.Explained(soFar.plus(pointsExplained, questionsAnswered, at)));
    }

    /** Records consent given (after a complete explanation) or refused (which ends the session refused). */
    public List<SessionEvent> recordConsent(ConsentDecision decision, ConsentMethod method, String recordedBy,
            Instant at) {
        allowedIn("recordConsent", OPEN);
        require(decision == ConsentDecision.GIVEN || decision == ConsentDecision.REFUSED,
                "consent is GIVEN or REFUSED; a withdrawal is recorded with withdrawConsent");
        Consent decided = consent(decision, method, recordedBy, at);
        if (decision == ConsentDecision.REFUSED) {
            return apply(decided(decided), ended(EndState.REFUSED, EndReason.CONSENT_REFUSED, at));
        }
        Explanation explanation = record.explanation;
        if (explanation == null) {
            throw refuse(SessionRule.EXPLANATION_REQUIRED, "no explanation has been recorded");
        }
        List<ExplanationPoint> missing = explanation.missingFor(record.plan);
        if (!missing.isEmpty()) {
            throw refuse(SessionRule.EXPLANATION_INCOMPLETE, "not yet explained: " + missing);
        }
        if (!explanation.questionsAnswered()) {
            throw refuse(SessionRule.EXPLANATION_INCOMPLETE, "the patient's questions have not been answered");
        }
        return apply(decided(decided));
    }

    /** Records that the patient withdrew consent; the session ends withdrawn and accepts nothing more. */
    public List<SessionEvent> withdrawConsent(ConsentMethod method, String recordedBy, Instant at) {
        allowedIn("withdrawConsent", CONSENTED, IN_PROGRESS);
        Consent withdrawn = consent(ConsentDecision.WITHDRAWN, method, recordedBy, at);
        return concat(flaggedHeat(at, true), apply(decided(withdrawn),
                ended(EndState.WITHDRAWN, EndReason.CONSENT_WITHDRAWN, at)));
    }

    /** Records the pain (NRS 0–10) before treatment; it can be corrected until the first step. */
    public List<SessionEvent> recordPainBefore(int nrs, Instant at) {
        allowedIn("recordPainBefore", OPEN, CONSENTED);
        return apply(pain(Moment.BEFORE, nrs, at));
    }

    /** Records the pain (NRS 0–10) after treatment. */
    public List<SessionEvent> recordPainAfter(int nrs, Instant at) {
        allowedIn("recordPainAfter", IN_PROGRESS);
        return apply(pain(Moment.AFTER, nrs, at));
    }

    /** Records one step as it was done, modified or skipped, if the protocol's safety rules allow it. */
    public List<SessionEvent> performStep(StepReport report, Instant at) {
        if (record.state == OPEN) {
            throw refuse(SessionRule.CONSENT_REQUIRED, "performStep is not allowed in state OPEN");
        }
        allowedIn("performStep", CONSENTED, IN_PROGRESS);
        require(report != null && at != null, "a step is recorded with its report and time");
        if (record.painBefore == null) {
            throw refuse(SessionRule.PAIN_BEFORE_REQUIRED, "no pain score before the treatment has been recorded");
        }
        StepRules.check(record.plan, record.steps, report, at).ifPresent(refusal -> {
            throw refusal.in(record.state);
        });
        List<SessionEvent> recorded = apply(new SessionEvent.StepRecorded(new PerformedStep(record.steps.size() + 1,
                report.step(), report.outcome(), report.parameters(), report.deviationReason(), report.override(), at)));
        return concat(recorded, flaggedHeat(at, false));
    }

    /**
     * Records that the heat was taken off, which allows the affected area and the spine to be massaged. Any heat still
     * on can always be taken off, also before a removal time recorded in advance; heat that was on longer than the
     * plan allows is flagged on the session, never refused.
     */
    public List<SessionEvent> removeHeat(Instant at) {
        allowedIn("removeHeat", IN_PROGRESS);
        require(at != null, "the removal of heat is recorded with its time");
        List<PerformedStep> applied = record.steps.stream().filter(step -> step.keepsHeatOnAt(at)).toList();
        if (applied.isEmpty()) {
            throw refuse(SessionRule.NO_HEAT_APPLIED, "no heat step is waiting for its removal");
        }
        Instant lastApplied = applied.stream().map(heat -> heat.parameters().heatAppliedAt())
                .max(Comparator.naturalOrder()).orElseThrow();
        // A heat time within the clock drift allowed is the same moment: the removal is not refused for it.
        Instant off = at.isBefore(lastApplied) && !HeatTimes.inTheFuture(lastApplied, at) ? lastApplied : at;
        require(!off.isBefore(lastApplied), "heat is removed after it was applied");
        List<SessionEvent> removed = apply(new SessionEvent.HeatRemoved(
                applied.stream().map(PerformedStep::sequence).toList(), off));
        return concat(removed, flaggedHeat(off, false));
    }

    /** Records advice given to the patient, such as the sitting cushion. */
    public List<SessionEvent> recordAdvice(List<Advice> given, Instant at) {
        allowedIn("recordAdvice", CONSENTED, IN_PROGRESS);
        require(at != null && given != null && !given.isEmpty() && given.stream().allMatch(Objects::nonNull),
                "advice names at least one piece of advice, and when");
        return apply(new SessionEvent.AdviceGiven(given.stream().distinct().toList(), at));
    }

    /** Completes the session with its outcome, once everything the protocol asks for has been recorded. */
    public List<SessionEvent> complete(Instant at) {
        if (record.state == CONSENTED) {
            throw refuse(SessionRule.NOTHING_PERFORMED, "no step has been recorded");
        }
        allowedIn("complete", IN_PROGRESS);
        require(at != null, "completion is recorded with its time");
        CompletionRules.check(record.plan, record.steps, record.painBefore, record.painAfter, at).ifPresent(refusal -> {
            throw refusal.in(record.state);
        });
        List<SessionEvent> flagged = flaggedHeat(at, true);
        return concat(flagged, apply(new SessionEvent.Completed(
                SessionOutcome.of(record.painBefore, record.painAfter, record.steps, record.advice), at)));
    }

    /** Ends the session before completion, e.g. after an adverse reaction or a red flag found. */
    public List<SessionEvent> endEarly(EndReason reason, Instant at) {
        allowedIn("endEarly", OPEN, CONSENTED, IN_PROGRESS);
        require(at != null && reason != null && reason != EndReason.CONSENT_REFUSED
                && reason != EndReason.CONSENT_WITHDRAWN, "a session ends early with a reason and a time; refused or"
                        + " withdrawn consent is recorded as such");
        // Heat still on never holds the session open: it is flagged, and the session ends.
        return concat(flaggedHeat(at, true), apply(ended(EndState.ENDED_EARLY, reason, at)));
    }

    private Consent consent(ConsentDecision decision, ConsentMethod method, String recordedBy, Instant at) {
        require(method != null && recordedBy != null && !recordedBy.isBlank() && at != null,
                "a consent decision is recorded with how it was given, by whom and when");
        return new Consent(decision, method, recordedBy, at);
    }

    private SessionEvent decided(Consent decision) {
        Explanation explanation = record.explanation;
        return new SessionEvent.ConsentDecided(decision, explanation != null,
                explanation != null && explanation.questionsAnswered());
    }

    private SessionEvent pain(Moment moment, int nrs, Instant at) {
        require(nrs >= 0 && nrs <= 10 && at != null, "pain is scored 0 to 10 on the numeric rating scale, with a time");
        return new SessionEvent.PainScored(moment, nrs, at);
    }

    private SessionEvent ended(EndState endState, EndReason reason, Instant at) {
        return new SessionEvent.EndedEarly(endState, reason,
                SessionOutcome.stepsDone(record.consentGiven(), record.steps), record.painBefore, record.painAfter, at);
    }

    /** Flags, and applies, every heat step known by {@code until} to have been on longer than the plan allows. */
    private List<SessionEvent> flaggedHeat(Instant until, boolean closing) {
        List<SessionEvent> flags = HeatTimes.overruns(record.plan, record.steps, record.deviations, until, closing)
                .stream().<SessionEvent>map(SessionEvent.DeviationFlagged::new).toList();
        return apply(flags.toArray(SessionEvent[]::new));
    }

    private static List<SessionEvent> concat(List<SessionEvent> first, List<SessionEvent> then) {
        List<SessionEvent> all = new ArrayList<>(first);
        all.addAll(then);
        return List.copyOf(all);
    }

    private List<SessionEvent> apply(SessionEvent... events) {
        Arrays.stream(events).forEach(record::apply);
        return List.of(events);
    }

    private void allowedIn(String operation, SessionState... allowed) {
        if (!Arrays.asList(allowed).contains(record.state)) {
            throw refuse(SessionRule.OPERATION_NOT_ALLOWED, operation + " is not allowed in state " + record.state);
        }
    }

    private void require(boolean valid, String detail) {
        if (!valid) {
            throw refuse(SessionRule.INVALID_INPUT, detail);
        }
    }

    private SessionRuleViolation refuse(SessionRule rule, String detail) {
        return new SessionRuleViolation(rule, record.state, detail);
    }
}
