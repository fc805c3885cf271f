package care.sciatica.platform.audit;

import care.sciatica.platform.problem.ProblemException;
import care.sciatica.platform.security.SiteScope;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The audit trail of this service, for admins and clinical leads of the site asked about. */
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"admin", "clinical-lead"})
public class AuditResource {

    private static final int LIMIT = 500;

    /** One audited change. */
    public record AuditEntry(long id, Instant occurredAt, String actor, String action, String siteId, UUID caseId,
                             String subjectId, String detail) {
    }

    private final SiteScope siteScope;

    public AuditResource(SiteScope siteScope) {
        this.siteScope = siteScope;
    }

    /** The newest entries first, for one site of the caller's, optionally narrowed to one case. */
    @GET
    public Uni<List<AuditEntry>> entries(@QueryParam("siteId") String siteId, @QueryParam("caseId") UUID caseId) {
        if (siteId == null || siteId.isBlank()) {
            throw ProblemException.invalid("siteId", "must name one of your sites");
        }
        siteScope.requireMember(siteId);
        String sql = "SELECT id, occurred_at, actor, action, site_id, case_id, subject_id, detail FROM audit_entry"
                + " WHERE site_id = ?1" + (caseId == null ? "" : " AND case_id = ?2")
                + " ORDER BY id DESC LIMIT " + LIMIT;
        return Panache.withSession(() -> Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql, Object[].class).setParameter(1, siteId);
            if (caseId != null) {
                query.setParameter(2, caseId);
            }
            return query.getResultList();
        })).map(rows -> rows.stream().map(AuditResource::entry).toList());
    }

    private static AuditEntry entry(Object[] row) {
        Object at = row[1];
        Instant occurredAt = at instanceof OffsetDateTime offset ? offset.toInstant() : (Instant) at;
        return new AuditEntry(((Number) row[0]).longValue(), occurredAt, (String) row[2], (String) row[3],
                (String) row[4], (UUID) row[5], (String) row[6], (String) row[7]);
    }
}
