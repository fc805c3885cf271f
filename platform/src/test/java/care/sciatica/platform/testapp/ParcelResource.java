package care.sciatica.platform.testapp;

import care.sciatica.contracts.EventJson;
import care.sciatica.contracts.EventType;
import care.sciatica.platform.audit.AuditLog;
import care.sciatica.platform.idempotency.IdempotentRequests;
import care.sciatica.platform.observability.CaseContext;
import care.sciatica.platform.outbox.Outbox;
import care.sciatica.platform.problem.ProblemException;
import care.sciatica.platform.security.SiteScope;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestHeader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;

/** Exercises the chassis the way a service does: state and event in one transaction, site scope, problems. */
@Path("/parcels")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ParcelResource {

    public enum Kind { BOX, ENVELOPE }

    public record NewParcel(@NotBlank String siteId, @NotBlank String label, @NotNull Kind kind,
                            @NotNull @Min(0) @Max(10) Integer sequence, boolean failAfterAppend,
                            String caseTraceparent) {
    }

    private final Outbox outbox;
    private final SiteScope siteScope;
    private final IdempotentRequests idempotentRequests;
    private final AuditLog auditLog;
    private final CaseContext caseContext;

    public ParcelResource(Outbox outbox, SiteScope siteScope, IdempotentRequests idempotentRequests, AuditLog auditLog,
                          CaseContext caseContext) {
        this.caseContext = caseContext;
        this.outbox = outbox;
        this.siteScope = siteScope;
        this.idempotentRequests = idempotentRequests;
        this.auditLog = auditLog;
    }

    @POST
    @WithTransaction
    public Uni<Parcel> create(@Valid @NotNull NewParcel request,
                              @RestHeader(IdempotentRequests.HEADER) String idempotencyKey) {
        siteScope.requireMember(request.siteId());
        return idempotentRequests.once("parcels:" + siteScope.caller(), idempotencyKey, request, Parcel.class,
                () -> store(request));
    }

    private Uni<Parcel> store(NewParcel request) {
        Parcel parcel = new Parcel();
        parcel.id = UUID.randomUUID();
        parcel.siteId = request.siteId();
        parcel.label = request.label();
        return caseContext.continuing("parcel create", request.caseTraceparent(), parcel.id, () -> parcel.<Parcel>persist()
                .call(saved -> outbox.append(saved.id.toString(), saved.siteId, stepPerformed(saved, request.sequence())))
                .call(saved -> auditLog.record(siteScope.caller(), "parcel.created", saved.siteId, saved.id, null,
                        "kind=" + request.kind()))
                .invoke(saved -> {
                    if (request.failAfterAppend()) {
                        throw ProblemException.conflict("test-failure", "failed after the append");
                    }
                }));
    }

    @GET
    @Path("/{id}")
    @WithSession
    public Uni<Parcel> get(@PathParam("id") UUID id) {
        return Parcel.<Parcel>findById(id).map(parcel -> siteScope.visible(parcel, found -> found.siteId, "parcel", id));
    }

    /** Answers after longer than this test application's request timeout (10 s). */
    @GET
    @Path("/slow")
    public Uni<String> slow() {
        return Uni.createFrom().item("late").onItem().delayIt().by(java.time.Duration.ofSeconds(15));
    }

    /** The catalogue's step-performed example, re-addressed to this parcel. */
    static Record stepPerformed(Parcel parcel, int sequence) {
        try (InputStream in = ParcelResource.class.getClassLoader()
                .getResourceAsStream(EventType.STEP_PERFORMED.exampleResource())) {
            ObjectNode data = (ObjectNode) EventJson.mapper().readTree(in);
            data.put("caseId", parcel.id.toString());
            data.put("siteId", parcel.siteId);
            data.put("sequence", sequence);
            return EventJson.mapper().treeToValue(data, EventType.STEP_PERFORMED.dataClass());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
