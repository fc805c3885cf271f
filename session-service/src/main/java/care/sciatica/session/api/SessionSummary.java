package care.sciatica.session.api;

import care.sciatica.session.persistence.SessionRow;

import java.time.Instant;

/** One session in a site's day list: enough to pick it, without its timeline. */
public record SessionSummary(String sessionId, String caseId, String siteId, String patientRef, String therapistRef,
                             int planVersion, int visit, String state, Instant openedAt, Instant updatedAt) {

    static SessionSummary of(SessionRow row) {
        return new SessionSummary(row.id.toString(), row.caseId.toString(), row.siteId, row.patientRef,
                row.therapistRef, row.planVersion, row.visit, row.state, row.openedAt, row.updatedAt);
    }
}
