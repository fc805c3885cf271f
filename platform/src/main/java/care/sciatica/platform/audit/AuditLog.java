package care.sciatica.platform.audit;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Records every state change: who did what to which case at which site. Call it inside the change's transaction, so
 * the entry exists if and only if the change was committed.
 */
@ApplicationScoped
public class AuditLog {

    private static final String APPEND = """
            INSERT INTO audit_entry (actor, action, site_id, case_id, subject_id, detail)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6)""";

    /**
     * @param actor     the caller's subject, or the consumer's name for a change an event caused
     * @param action    what happened, in the clinic's words, e.g. "history.amended", "session.consent-recorded"
     * @param subjectId the record acted on (session, appointment…), when it is not the case itself
     * @param detail    a short, typed description (codes, versions); never a patient's identity
     */
    public Uni<Void> record(String actor, String action, String siteId, UUID caseId, String subjectId, String detail) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(APPEND)
                        .setParameter(1, actor)
                        .setParameter(2, action)
                        .setParameter(3, siteId)
                        .setParameter(4, caseId)
                        .setParameter(5, subjectId)
                        .setParameter(6, detail)
                        .executeUpdate())
                .replaceWithVoid();
    }
}
