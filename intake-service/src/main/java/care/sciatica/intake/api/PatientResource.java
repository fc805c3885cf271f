package care.sciatica.intake.api;

import care.sciatica.intake.usecase.PatientRecords;
import care.sciatica.intake.usecase.RegisterPatient;
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

/** Patients as people: register them, read them, and the data-protection requests (export, erasure). */
@Path("/patients")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Patients")
public class PatientResource {

    private final RegisterPatient registerPatient;
    private final PatientRecords patientRecords;

    public PatientResource(RegisterPatient registerPatient, PatientRecords patientRecords) {
        this.registerPatient = registerPatient;
        this.patientRecords = patientRecords;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @RolesAllowed({Roles.FRONT_DESK, Roles.THERAPIST})
    @Operation(summary = "Register a patient at one of the caller's sites",
            description = "Identity and contact details stay in this service; everywhere else the patient is the "
                    + "opaque patientRef returned here.")
    @APIResponse(responseCode = "201", description = "Registered")
    @APIResponse(responseCode = "400", description = ApiDocs.INVALID,
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = ApiDocs.FORBIDDEN,
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Uni<PatientRegistered> register(
            @Valid @NotNull(message = "a JSON body is required") RegisterPatientRequest request,
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @RestHeader(IdempotentRequests.HEADER) String key) {
        return registerPatient.register(request, key);
    }

    @GET
    @Path("{patientRef}")
    @RolesAllowed({Roles.FRONT_DESK, Roles.THERAPIST, Roles.CLINICAL_LEAD})
    @Operation(summary = "Read a patient and their cases at the caller's sites")
    @APIResponse(responseCode = "200", description = "The patient (identity fields are null once erased)")
    @APIResponse(responseCode = "404", description = ApiDocs.NOT_FOUND,
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Uni<PatientView> get(@PathParam("patientRef") String patientRef) {
        return patientRecords.read(patientRef);
    }

    @GET
    @Path("{patientRef}/export")
    @RolesAllowed({Roles.FRONT_DESK, Roles.THERAPIST, Roles.CLINICAL_LEAD})
    @Operation(summary = "Export everything held about a patient (subject access request)",
            description = "Identity and contact, every case at the caller's sites with its booking references, and "
                    + "every version of every history, as JSON. The export is audited.")
    @APIResponse(responseCode = "200", description = "The export")
    @APIResponse(responseCode = "404", description = ApiDocs.NOT_FOUND,
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Uni<PatientExport> export(@PathParam("patientRef") String patientRef) {
        return patientRecords.export(patientRef);
    }

    @POST
    @Path("{patientRef}/erasure")
    @RolesAllowed({Roles.FRONT_DESK, Roles.THERAPIST})
    @Operation(summary = "Erase a patient's identity (right to erasure)",
            description = "Names, birth date, phone and e-mail are removed and the erasure time recorded. The "
                    + "clinical record stays under the pseudonymous patientRef; events never carried identity, so "
                    + "nothing is sent and nothing downstream changes. Erasing again changes nothing.")
    @APIResponse(responseCode = "200", description = "Erased (now or before)")
    @APIResponse(responseCode = "404", description = ApiDocs.NOT_FOUND,
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Uni<Erasure> erase(
            @PathParam("patientRef") String patientRef,
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @RestHeader(IdempotentRequests.HEADER) String key) {
        return patientRecords.erase(patientRef, key);
    }
}
