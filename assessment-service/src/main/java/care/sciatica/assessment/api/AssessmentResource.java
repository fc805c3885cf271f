package care.sciatica.assessment.api;

import care.sciatica.assessment.usecase.OverrideAssessment;
import care.sciatica.assessment.usecase.ReadAssessments;
import care.sciatica.platform.idempotency.IdempotentRequests;
import care.sciatica.platform.observability.AfterCommit;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestHeader;

import java.util.UUID;

/** A case's assessment over HTTP: read it with its reasoning; a clinical lead overrides it. */
@Path("/cases/{caseId}/assessment")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Case assessment")
public class AssessmentResource {

    private final ReadAssessments readAssessments;
    private final OverrideAssessment overrideAssessment;

    public AssessmentResource(ReadAssessments readAssessments, OverrideAssessment overrideAssessment) {
        this.readAssessments = readAssessments;
        this.overrideAssessment = overrideAssessment;
    }

    @GET
    @RolesAllowed({"therapist", "clinical-lead"})
    @Operation(summary = "The case's current assessment with its reasoning and every clinical-lead override")
    @APIResponse(responseCode = "200", description = "The current plan or referral")
    @APIResponse(responseCode = "404", description = "No assessment, or the case is another site's (problem+json)")
    public Uni<AssessmentView> current(@PathParam("caseId") UUID caseId) {
        return readAssessments.current(caseId);
    }

    @POST
    @Path("overrides")
    @ResponseStatus(201)
    @RolesAllowed("clinical-lead")
    @Operation(summary = "Override the origin, the suitability or one step of the current plan, with a reason",
            description = "Issues a new plan version that supersedes the current one (a plan-issued event). The reason"
                    + " is kept in this service's audit log and override record, never in the event. The override is"
                    + " replayed over every later assessment of the case (an amended history).")
    @APIResponse(responseCode = "201", description = "The new plan version")
    @APIResponse(responseCode = "400", description = "A field is missing or wrong (problem+json naming it)")
    @APIResponse(responseCode = "403", description = "Only a clinical lead may override")
    @APIResponse(responseCode = "404", description = "No assessment, or the case is another site's")
    @APIResponse(responseCode = "409", description = "Refused: the current assessment is a referral (problem+json)")
    public Uni<AssessmentView> override(@PathParam("caseId") UUID caseId, OverrideRequest request,
                                        @Parameter(description = "Repeat-safe: the same key returns the first result")
                                        @RestHeader(IdempotentRequests.HEADER) String key) {
        // Counters the override moves are counted once its transaction has committed.
        return AfterCommit.scope(() -> overrideAssessment.override(caseId, request, key));
    }
}
