package care.sciatica.session.api;

import care.sciatica.platform.idempotency.IdempotentRequests;
import care.sciatica.platform.problem.ProblemException;
import care.sciatica.platform.security.SiteScope;
import care.sciatica.session.domain.SessionEvent;
import care.sciatica.session.domain.StepReport;
import care.sciatica.session.domain.TreatmentSession;
import care.sciatica.session.usecase.OpenSession;
import care.sciatica.session.usecase.RunSession;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.identity.SecurityIdentity;
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
import org.jboss.resteasy.reactive.RestHeader;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

/** A treatment session over HTTP: open it, then record each part as it happens. Every POST takes an Idempotency-Key. */
@Path("/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"therapist", "clinical-lead"})
public class SessionResource {

    private static final String KEY = IdempotentRequests.HEADER;

    private final OpenSession openSession;
    private final RunSession runSession;
    private final SiteScope siteScope;
    private final SecurityIdentity identity;

    public SessionResource(OpenSession openSession, RunSession runSession, SiteScope siteScope,
                           SecurityIdentity identity) {
        this.openSession = openSession;
        this.runSession = runSession;
        this.siteScope = siteScope;
        this.identity = identity;
    }

    @POST
    @ResponseStatus(201)
    public Uni<SessionView> open(@Valid @NotNull SessionRequests.OpenSession request, @RestHeader(KEY) String key) {
        return openSession.open(request.caseId(), key).map(SessionView::of);
    }

    @GET
    @Path("{id}")
    @WithSession
    public Uni<SessionView> get(@PathParam("id") UUID id) {
        return runSession.load(id).map(row -> SessionView.of(RunSession.snapshotOf(row)));
    }

    @POST
    @Path("{id}/explanation")
    public Uni<SessionView> explain(@PathParam("id") UUID id, @Valid @NotNull SessionRequests.Explanation request,
                                    @RestHeader(KEY) String key) {
        return run(id, "explanation", key, request, (session, at) ->
                session.recordExplanation(request.points(), request.questionsAnswered(), at));
    }

    @POST
    @Path("{id}/consent")
    public Uni<SessionView> consent(@PathParam("id") UUID id, @Valid @NotNull SessionRequests.Consent request,
                                    @RestHeader(KEY) String key) {
        return run(id, "consent", key, request, (session, at) ->
                session.recordConsent(request.decision(), request.method(), siteScope.caller(), at));
    }

    @POST
    @Path("{id}/consent-withdrawal")
    public Uni<SessionView> withdraw(@PathParam("id") UUID id, @Valid @NotNull SessionRequests.Withdrawal request,
                                     @RestHeader(KEY) String key) {
        return run(id, "consent-withdrawal", key, request, (session, at) ->
                session.withdrawConsent(request.method(), siteScope.caller(), at));
    }

    @POST
    @Path("{id}/pain-before")
    public Uni<SessionView> painBefore(@PathParam("id") UUID id, @Valid @NotNull SessionRequests.Pain request,
                                       @RestHeader(KEY) String key) {
        return run(id, "pain-before", key, request, (session, at) -> session.recordPainBefore(request.nrs(), at));
    }

    @POST
    @Path("{id}/pain-after")
    public Uni<SessionView> painAfter(@PathParam("id") UUID id, @Valid @NotNull SessionRequests.Pain request,
                                      @RestHeader(KEY) String key) {
        return run(id, "pain-after", key, request, (session, at) -> session.recordPainAfter(request.nrs(), at));
    }

    @POST
    @Path("{id}/steps")
    public Uni<SessionView> step(@PathParam("id") UUID id, @Valid @NotNull SessionRequests.Step request,
                                 @RestHeader(KEY) String key) {
        StepReport report = new StepReport(request.step(),
                request.parameters() == null ? null : request.parameters().toDomain(), request.outcome(),
                request.deviationReason(), null);
        if (request.override() != null) {
            if (!identity.hasRole("clinical-lead")) {
                throw new ProblemException(403, "override-needs-clinical-lead", "Forbidden",
                        "Only a clinical lead may override a step the plan excluded", List.of());
            }
            report = report.overriddenBy(siteScope.caller(), request.override().reason());
        }
        StepReport recorded = report;
        return run(id, "steps", key, request, (session, at) -> session.performStep(recorded, at));
    }

    @POST
    @Path("{id}/heat-removal")
    public Uni<SessionView> removeHeat(@PathParam("id") UUID id, @RestHeader(KEY) String key) {
        return run(id, "heat-removal", key, null, TreatmentSession::removeHeat);
    }

    @POST
    @Path("{id}/advice")
    public Uni<SessionView> advise(@PathParam("id") UUID id, @Valid @NotNull SessionRequests.AdviceGiven request,
                                   @RestHeader(KEY) String key) {
        return run(id, "advice", key, request, (session, at) -> session.recordAdvice(request.advice(), at));
    }

    @POST
    @Path("{id}/completion")
    public Uni<SessionView> complete(@PathParam("id") UUID id, @RestHeader(KEY) String key) {
        return run(id, "completion", key, null, TreatmentSession::complete);
    }

    @POST
    @Path("{id}/early-end")
    public Uni<SessionView> endEarly(@PathParam("id") UUID id, @Valid @NotNull SessionRequests.EndEarly request,
                                     @RestHeader(KEY) String key) {
        return run(id, "early-end", key, request, (session, at) -> session.endEarly(request.reason(), at));
    }

    private Uni<SessionView> run(UUID id, String operation, String key, Object request,
                                 BiFunction<TreatmentSession, Instant, List<SessionEvent>> command) {
        return runSession.run(id, operation, key, request, command).map(SessionView::of);
    }
}
