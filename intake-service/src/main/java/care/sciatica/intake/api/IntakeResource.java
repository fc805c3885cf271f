package care.sciatica.intake.api;

import care.sciatica.intake.usecase.RecordIntake;
import care.sciatica.intake.usecase.ReadCase;
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
import org.jboss.resteasy.reactive.ResponseStatus;

import java.util.UUID;

/** Intake over HTTP: record a first visit, read a case. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IntakeResource {

    private final RecordIntake recordIntake;
    private final ReadCase readCase;

    public IntakeResource(RecordIntake recordIntake, ReadCase readCase) {
        this.recordIntake = recordIntake;
        this.readCase = readCase;
    }

    @POST
    @Path("intakes")
    @ResponseStatus(201)
    @RolesAllowed({"front-desk", "therapist"})
    public Uni<IntakeRecorded> record(@Valid @NotNull IntakeRequest request) {
        return recordIntake.record(request);
    }

    @GET
    @Path("cases/{caseId}")
    @RolesAllowed({"front-desk", "therapist", "clinical-lead"})
    public Uni<CaseView> get(@PathParam("caseId") UUID caseId) {
        return readCase.read(caseId);
    }
}
