package care.sciatica.session.usecase;

import care.sciatica.platform.audit.AuditLog;
import care.sciatica.platform.security.SiteScope;
import care.sciatica.session.persistence.SessionRow;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * Replaces a session's free-text notes, in any state (a write-up often follows the session). The notes stay in this
 * service: no event carries them and the audit records only that they changed and their length.
 */
@ApplicationScoped
public class RecordNotes {

    private final RunSession runSession;
    private final SiteScope siteScope;
    private final AuditLog auditLog;

    public RecordNotes(RunSession runSession, SiteScope siteScope, AuditLog auditLog) {
        this.runSession = runSession;
        this.siteScope = siteScope;
        this.auditLog = auditLog;
    }

    @WithTransaction
    public Uni<SessionRow> replace(UUID sessionId, String notes) {
        return runSession.load(sessionId).chain(row -> {
            row.notes = notes.isBlank() ? null : notes;
            row.notesUpdatedBy = siteScope.caller();
            row.notesUpdatedAt = Instant.now();
            return row.<SessionRow>persist()
                    .call(() -> auditLog.record(siteScope.caller(), "session.notes", row.siteId, row.caseId,
                            row.id.toString(), "chars=" + notes.length() + "; state=" + row.state));
        });
    }
}
