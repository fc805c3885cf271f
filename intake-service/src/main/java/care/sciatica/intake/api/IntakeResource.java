package care.sciatica.intake.api;

import care.sciatica.platform.observability.AfterCommit;
import care.sciatica.intake.usecase.RecordIntake;
import care.sciatica.platform.idempotency.IdempotentRequests;
import care.sciatica.platform.problem.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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

/** A first visit in one call: the booking systems' entry, and the front desk's when the patient is new. */
@Path("/intakes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Intake")
public class IntakeResource {

    private final RecordIntake recordIntake;

    public IntakeResource(RecordIntake recordIntake) {
        this.recordIntake = recordIntake;
    }

    @POST
    @ResponseStatus(201)
    @RolesAllowed({Roles.FRONT_DESK, Roles.THERAPIST, Roles.BOOKING_SYSTEM})
    @Operation(summary = "Record a first visit",
            description = "Registers the patient, opens a case at the site and records history version 1, in one "
                    + "transaction; the history-recorded event (no personal data) follows through the outbox.")
    @APIResponse(responseCode = "201", description = "Recorded: the references to use from now on")
    @APIResponse(responseCode = "400", description = ApiDocs.INVALID,
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = ApiDocs.FORBIDDEN,
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = ApiDocs.CONFLICT,
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Uni<IntakeRecorded> record(@Valid @NotNull(message = "a JSON body is required") IntakeRequest request,
                                      @Parameter(description = ApiDocs.IDEMPOTENCY_KEY)
                                      @RestHeader(IdempotentRequests.HEADER) String idempotencyKey) {
        return AfterCommit.scope(() -> recordIntake.record(request, idempotencyKey));
    }
}
