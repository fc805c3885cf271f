package care.sciatica.session.api;

import care.sciatica.session.persistence.SessionRow;

import java.time.Instant;

/** A session's free-text notes as last written, with who wrote them and when. */
public record SessionNotes(String sessionId, String notes, String updatedBy, Instant updatedAt) {

    static SessionNotes of(SessionRow row) {
        return new SessionNotes(row.id.toString(), row.notes, row.notesUpdatedBy, row.notesUpdatedAt);
    }
}
