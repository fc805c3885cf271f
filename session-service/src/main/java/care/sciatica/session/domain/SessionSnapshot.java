package care.sciatica.session.domain;

import care.sciatica.contracts.common.Advice;
import care.sciatica.contracts.session.EndReason;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A session's whole state as the persistence layer stores it and gives it back: the identity, the plan it was opened
 * for, its state, the explanation, consent and any withdrawal, the pain scores, every step recorded and the advice
 * given, how and when it closed, and the deviations it flagged by itself (a session stored before they were kept has
 * none). Absent parts are null.
 */
public record SessionSnapshot(SessionIdentity identity, TreatmentPlan plan, Instant openedAt, SessionState state,
        Explanation explanation, Consent consent, Consent withdrawal, Integer painBefore, Integer painAfter,
        List<PerformedStep> steps, List<Advice> advice, EndReason endReason, Instant closedAt,
        List<FlaggedDeviation> deviations) {

    public SessionSnapshot {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(state, "state");
        steps = steps == null ? List.of() : List.copyOf(steps);
        advice = advice == null ? List.of() : List.copyOf(advice);
        deviations = deviations == null ? List.of() : List.copyOf(deviations);
    }
}
