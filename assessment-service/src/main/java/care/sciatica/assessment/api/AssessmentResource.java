package care.sciatica.assessment.api;

import care.sciatica.assessment.persistence.AssessmentRecord;
import care.sciatica.contracts.EventJson;
import care.sciatica.platform.security.SiteScope;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.io.UncheckedIOException;
import java.util.UUID;

/** Assessments over HTTP: a case's current assessment with its reasoning. */
@Path("/cases/{caseId}/assessment")
@Produces(MediaType.APPLICATION_JSON)
public class AssessmentResource {

    private final SiteScope siteScope;

    public AssessmentResource(SiteScope siteScope) {
        this.siteScope = siteScope;
    }

    @GET
    @WithSession
    @RolesAllowed({"therapist", "clinical-lead"})
    public Uni<AssessmentView> current(@PathParam("caseId") UUID caseId) {
        return AssessmentRecord.current(caseId)
                .map(found -> siteScope.visible(found, row -> row.siteId, "assessment for case", caseId))
                .map(AssessmentResource::view);
    }

    static AssessmentView view(AssessmentRecord row) {
        try {
            return new AssessmentView(row.id, row.caseId, row.siteId, row.historyVersion, row.planVersion,
                    row.disposition, row.status, row.rulesVersion, row.assessedAt,
                    EventJson.mapper().readTree(row.content));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
