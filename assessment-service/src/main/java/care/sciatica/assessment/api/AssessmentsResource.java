package care.sciatica.assessment.api;

import care.sciatica.assessment.usecase.PreviewAssessment;
import care.sciatica.assessment.usecase.ReadAssessments;
import care.sciatica.platform.idempotency.IdempotentRequests;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;

/** Assessments across cases: a site's list by status and disposition, and a preview that stores nothing. */
@Path("/assessments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"therapist", "clinical-lead"})
@Tag(name = "Assessments")
public class AssessmentsResource {

    private final ReadAssessments readAssessments;
    private final PreviewAssessment previewAssessment;

    public AssessmentsResource(ReadAssessments readAssessments, PreviewAssessment previewAssessment) {
        this.readAssessments = readAssessments;
        this.previewAssessment = previewAssessment;
    }

    @GET
    @Operation(summary = "The caller's sites' assessments, newest first, by status and disposition, paged")
    @APIResponse(responseCode = "200", description = "One page; a site that is not the caller's lists nothing")
    @APIResponse(responseCode = "400", description = "An unknown status or disposition, or a bad page (problem+json)")
    public Uni<AssessmentPage> list(
            @Parameter(description = "One of your sites; all of them when absent") @QueryParam("siteId") String siteId,
            @Parameter(description = "CURRENT or SUPERSEDED") @QueryParam("status") String status,
            @Parameter(description = "PLAN or REFERRAL") @QueryParam("disposition") String disposition,
            @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "1 to 100") @QueryParam("size") @DefaultValue("20") int size) {
        return readAssessments.list(siteId, status, disposition, page, size);
    }

    @POST
    @Path("preview")
    @Operation(summary = "Assess posted findings without storing anything or emitting any event",
            description = "For training and the future UI. Nothing is written, so a repeat is harmless: an"
                    + " Idempotency-Key is accepted and needs no record.")
    @APIResponse(responseCode = "200", description = "The reasoning a plan or referral would have")
    @APIResponse(responseCode = "400", description = "The history breaks the catalogue's schema (problem+json with"
            + " the field paths)")
    public AssessmentReasoning preview(PreviewRequest request,
                                       @RestHeader(IdempotentRequests.HEADER) String ignoredKey) {
        return previewAssessment.preview(request);
    }
}
