package care.sciatica.intake.api;

import care.sciatica.platform.observability.AfterCommit;
import care.sciatica.intake.usecase.AmendHistory;
import care.sciatica.intake.usecase.AttachExternalRef;
import care.sciatica.intake.usecase.OpenCase;
import care.sciatica.intake.usecase.ReadCase;
import care.sciatica.intake.usecase.RecordHistory;
import care.sciatica.intake.usecase.ReviewVisit;
import care.sciatica.platform.idempotency.IdempotentRequests;
import care.sciatica.platform.problem.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.util.UUID;

/**
 * Cases: open one, read it, record its history and amend it, review it at a follow-up visit, attach a booking
 * system's references.
 */
@Path("/cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Cases")
public class CaseResource {

    private final OpenCase openCase;
    private final ReadCase readCase;
    private final RecordHistory recordHistory;
    private final AmendHistory amendHistory;
    private final ReviewVisit reviewVisit;
    private final AttachExternalRef attachExternalRef;

    public CaseResource(OpenCase openCase, ReadCase readCase, RecordHistory recordHistory, AmendHistory amendHistory,
                        ReviewVisit reviewVisit, AttachExternalRef attachExternalRef) {
        this.openCase = openCase;
        this.readCase = readCase;
        this.recordHistory = recordHistory;
        this.amendHistory = amendHistory;
        this.reviewVisit = reviewVisit;
        this.attachExternalRef = attachExternalRef;
    }

    @POST
    @ResponseStatus(201)
    @RolesAllowed({Roles.FRONT_DESK, Roles.THERAPIST})
    @Operation(summary = "Open a case for a registered patient at one of the caller's sites",
            description = "The case waits for its history (status OPEN); booking references may be attached now.")
    @APIResponse(responseCode = "201", description = "Opened")
    @APIResponse(responseCode = "400", description = ApiDocs.INVALID,
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = ApiDocs.NOT_FOUND,
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = ApiDocs.CONFLICT,
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Uni<CaseSummary> open(
            @Valid @NotNull(message = "a JSON body is required") OpenCaseRequest request,
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @RestHeader(IdempotentRequests.HEADER) String key) {
        return AfterCommit.scope(() -> openCase.open(request, key));
    }

    @GET
    @Path("{caseId}")
    @RolesAllowed({Roles.FRONT_DESK, Roles.THERAPIST, Roles.CLINICAL_LEAD})
    @Operation(summary = "Read a case with every version of its history, oldest first")
    @APIResponse(responseCode = "200", description = "The case")
    @APIResponse(responseCode = "404", description = ApiDocs.NOT_FOUND,
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Uni<CaseView> get(@PathParam("caseId") UUID caseId) {
        return readCase.read(caseId);
    }

    @POST
    @Path("{caseId}/history")
    @ResponseStatus(201)
    @RolesAllowed({Roles.FRONT_DESK, Roles.THERAPIST})
    @Operation(summary = "Record the case's history (version 1)",
            description = "Validated against the event catalogue's history schema, and no date may lie in the "
                    + "future; the history-recorded event follows through the outbox.")
    @APIResponse(responseCode = "201", description = "Recorded")
    @APIResponse(responseCode = "400", description = ApiDocs.INVALID,
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = ApiDocs.NOT_FOUND,
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The case already has a history (amend it instead)",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Uni<HistoryVersionRecorded> recordHistory(
            @PathParam("caseId") UUID caseId,
            @Valid @NotNull(message = "a JSON body is required") HistoryRequest request,
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @RestHeader(IdempotentRequests.HEADER) String key) {
        return recordHistory.record(caseId, request, key);
    }

    @POST
    @Path("{caseId}/history/amendments")
    @ResponseStatus(201)
    @RolesAllowed({Roles.FRONT_DESK, Roles.THERAPIST})
    @Operation(summary = "Amend the case's history",
            description = "A complete new version that supersedes the latest one (named in supersedesVersion) for "
                    + "a reason code; every version is kept. The history-amended event follows through the outbox.")
    @APIResponse(responseCode = "201", description = "Amended")
    @APIResponse(responseCode = "400", description = ApiDocs.INVALID,
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = ApiDocs.NOT_FOUND,
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "No history yet, or supersedesVersion is not the latest",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Uni<HistoryVersionRecorded> amendHistory(
            @PathParam("caseId") UUID caseId,
            @Valid @NotNull(message = "a JSON body is required") AmendmentRequest request,
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @RestHeader(IdempotentRequests.HEADER) String key) {
        return amendHistory.amend(caseId, request, key);
    }

    @POST
    @Path("{caseId}/reviews")
    @RolesAllowed({Roles.FRONT_DESK, Roles.THERAPIST})
    @Operation(summary = "Review the case at its open follow-up visit",
            description = "The pain now, the red-flag screen asked again, the change in the neurological signs and, "
                    + "if taken again, the observation. Stored as a complete new history version that supersedes the "
                    + "latest one (the baseline outcomes stay the intake's); the visit is then reviewed, and the "
                    + "visit-reviewed event follows through the outbox. The Location is the case, which shows the "
                    + "visit and its version.")
    @APIResponse(responseCode = "201", description = "Reviewed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = VisitReviewRecorded.class)))
    @APIResponse(responseCode = "400", description = ApiDocs.INVALID,
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = ApiDocs.NOT_FOUND,
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "No history yet (history-not-recorded), the visit is not the "
            + "case's open visit (visit-not-open), or it was reviewed already (visit-already-reviewed)",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<VisitReviewRecorded>> review(
            @PathParam("caseId") UUID caseId,
            @Valid @NotNull(message = "a JSON body is required") ReviewRequest request,
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @RestHeader(IdempotentRequests.HEADER) String key) {
        return reviewVisit.review(caseId, request, key)
                .map(reviewed -> RestResponse.ResponseBuilder
                        .<VisitReviewRecorded>created(URI.create("/cases/" + reviewed.caseId()))
                        .entity(reviewed).build());
    }

    @POST
    @Path("{caseId}/external-refs")
    @RolesAllowed({Roles.FRONT_DESK, Roles.THERAPIST})
    @Operation(summary = "Attach a booking system's patient and appointment ids to the case",
            description = "The history events recorded from now on carry them; one already held is not added again.")
    @APIResponse(responseCode = "200", description = "The case with its booking references")
    @APIResponse(responseCode = "400", description = ApiDocs.INVALID,
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = ApiDocs.NOT_FOUND,
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Uni<CaseSummary> attachExternalRef(
            @PathParam("caseId") UUID caseId,
            @Valid @NotNull(message = "a JSON body is required") ExternalRefForm request,
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @RestHeader(IdempotentRequests.HEADER) String key) {
        return attachExternalRef.attach(caseId, request, key);
    }
}
