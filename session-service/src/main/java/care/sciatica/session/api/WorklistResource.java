package care.sciatica.session.api;

import care.sciatica.platform.security.SiteScope;
import care.sciatica.session.persistence.PlanReady;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The therapists' worklist: plans waiting for a session at the caller's sites, oldest first. */
@Path("/worklist")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"therapist", "clinical-lead"})
public class WorklistResource {

    /** One case ready for a session. */
    public record WorklistItem(UUID caseId, String siteId, String patientRef, int planVersion, int visit,
                               String primaryOrigin, Instant receivedAt) {
    }

    private final SiteScope siteScope;

    public WorklistResource(SiteScope siteScope) {
        this.siteScope = siteScope;
    }

    @GET
    @WithSession
    public Uni<List<WorklistItem>> awaiting(@QueryParam("siteId") String siteId) {
        Set<String> sites = siteScope.listable(siteId);
        if (sites.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return PlanReady.<PlanReady>list("siteId in ?1 and status = ?2 order by receivedAt", sites,
                        PlanReady.AWAITING_SESSION)
                .map(rows -> rows.stream()
                        .map(row -> new WorklistItem(row.caseId, row.siteId, row.patientRef, row.planVersion, row.visit,
                                row.primaryOrigin, row.receivedAt))
                        .toList());
    }
}
