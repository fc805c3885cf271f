package care.sciatica.session.api;

import care.sciatica.contracts.common.Advice;
import care.sciatica.contracts.common.Origin;
import care.sciatica.contracts.session.EndReason;
import care.sciatica.session.domain.Consent;
import care.sciatica.session.domain.Explanation;
import care.sciatica.session.domain.FlaggedDeviation;
import care.sciatica.session.domain.PerformedStep;
import care.sciatica.session.domain.SessionSnapshot;
import care.sciatica.session.usecase.ReadSessions;
import care.sciatica.session.usecase.RunSession;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * A session as the therapist reads it: where it stands (explanation, consent, pain, steps, advice, end) and, when read
 * with GET, the notes and the timeline of every record in order with who recorded it.
 */
public record SessionView(String sessionId, String caseId, String siteId, String patientRef, String therapistRef,
                          int planVersion,
                          @Schema(description = "The visit of the episode this session treats: 1 at intake, 2 and"
                                  + " later at follow-up visits") int visit,
                          Origin primaryOrigin,
                          @Schema(description = "OPEN, CONSENTED, IN_PROGRESS, COMPLETED, ENDED_EARLY, WITHDRAWN or"
                                  + " REFUSED") String state,
                          Instant openedAt, Explanation explanation, Consent consent, Consent withdrawal,
                          Integer painBefore, Integer painAfter, List<PerformedStep> steps, List<Advice> advice,
                          EndReason endReason, Instant closedAt,
                          @Schema(description = "Deviations the session flagged by itself rather than refused, such as"
                                  + " heat left on longer than the plan allows") List<FlaggedDeviation> deviations,
                          @Schema(description = "Free text; only in GET answers, never in an event")
                          @JsonInclude(JsonInclude.Include.NON_NULL) SessionNotes notes,
                          @Schema(description = "Every record in order, with who recorded it; only in GET answers")
                          @JsonInclude(JsonInclude.Include.NON_NULL) List<TimelineEntry> timeline) {

    /** The answer to a command: the session as it now stands. */
    static SessionView of(SessionSnapshot snapshot) {
        return of(snapshot, null, null);
    }

    /** The answer to a read: the session with its notes and timeline. */
    static SessionView of(ReadSessions.SessionWithTimeline read) {
        return of(RunSession.snapshotOf(read.row()), SessionNotes.of(read.row()), TimelineEntry.of(read.timeline()));
    }

    private static SessionView of(SessionSnapshot snapshot, SessionNotes notes, List<TimelineEntry> timeline) {
        return new SessionView(snapshot.identity().sessionId(), snapshot.identity().caseId(),
                snapshot.identity().siteId(), snapshot.identity().patientRef(), snapshot.identity().therapistRef(),
                snapshot.plan().planVersion(), snapshot.plan().visit(), snapshot.plan().primaryOrigin(), snapshot.state().name(),
                snapshot.openedAt(), snapshot.explanation(), snapshot.consent(), snapshot.withdrawal(),
                snapshot.painBefore(), snapshot.painAfter(), snapshot.steps(), snapshot.advice(),
                snapshot.endReason(), snapshot.closedAt(), snapshot.deviations(), notes, timeline);
    }
}
