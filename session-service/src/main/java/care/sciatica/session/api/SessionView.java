package care.sciatica.session.api;

import care.sciatica.contracts.common.Advice;
import care.sciatica.contracts.common.Origin;
import care.sciatica.contracts.session.EndReason;
import care.sciatica.session.domain.Consent;
import care.sciatica.session.domain.Explanation;
import care.sciatica.session.domain.PerformedStep;
import care.sciatica.session.domain.SessionSnapshot;

import java.time.Instant;
import java.util.List;

/** A session's timeline as the therapist reads it: what was explained, consented, done and advised, in order. */
public record SessionView(String sessionId, String caseId, String siteId, String patientRef, String therapistRef,
                          int planVersion, Origin primaryOrigin, String state, Instant openedAt,
                          Explanation explanation, Consent consent, Consent withdrawal, Integer painBefore,
                          Integer painAfter, List<PerformedStep> steps, List<Advice> advice, EndReason endReason,
                          Instant closedAt) {

    static SessionView of(SessionSnapshot snapshot) {
        return new SessionView(snapshot.identity().sessionId(), snapshot.identity().caseId(),
                snapshot.identity().siteId(), snapshot.identity().patientRef(), snapshot.identity().therapistRef(),
                snapshot.plan().planVersion(), snapshot.plan().primaryOrigin(), snapshot.state().name(),
                snapshot.openedAt(), snapshot.explanation(), snapshot.consent(), snapshot.withdrawal(),
                snapshot.painBefore(), snapshot.painAfter(), snapshot.steps(), snapshot.advice(),
                snapshot.endReason(), snapshot.closedAt());
    }
}
