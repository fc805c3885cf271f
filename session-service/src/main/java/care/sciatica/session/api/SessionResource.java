package care.sciatica.session.api;

import care.sciatica.platform.idempotency.IdempotentRequests;
import care.sciatica.platform.problem.ProblemException;
import care.sciatica.platform.security.SiteScope;
import care.sciatica.session.domain.SessionEvent;
import care.sciatica.session.domain.StepReport;
import care.sciatica.session.domain.TreatmentSession;
import care.sciatica.session.usecase.OpenSession;
import care.sciatica.session.usecase.ReadSessions;
import care.sciatica.session.usecase.RecordNotes;
import care.sciatica.session.usecase.RunSession;
import io.quarkus.security.identity.SecurityIdentity;
import care.sciatica.platform.observability.AfterCommit;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestHeader;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * A treatment session over HTTP: open it, record each part as it happens, read its timeline. Every POST takes an
 * Idempotency-Key; a command the protocol refuses answers problem+json (409 for the session's state, 422 for a safety
 * rule, its type ending in the rule's code) and stores nothing.
 */
@Path("/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"therapist", "clinical-lead"})
@Tag(name = "Treatment sessions")
@APIResponse(responseCode = "404", description = "No such session, or it is another site's (problem+json)")
public class SessionResource {

    private static final String KEY = IdempotentRequests.HEADER;

    private final OpenSession openSession;
    private final RunSession runSession;
    private final ReadSessions readSessions;
    private final RecordNotes recordNotes;
    private final SiteScope siteScope;
    private final SecurityIdentity identity;

    public SessionResource(OpenSession openSession, RunSession runSession, ReadSessions readSessions,
                           RecordNotes recordNotes, SiteScope siteScope, SecurityIdentity identity) {
        this.openSession = openSession;
        this.runSession = runSession;
        this.readSessions = readSessions;
        this.recordNotes = recordNotes;
        this.siteScope = siteScope;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "A site's sessions opened on a day (midnight to midnight, Europe/London), oldest first")
    @APIResponse(responseCode = "400", description = "day is missing or not YYYY-MM-DD (problem+json)")
    public Uni<List<SessionSummary>> list(
            @Parameter(description = "One of your sites; all of them when absent; another site lists nothing")
            @QueryParam("siteId") String siteId,
            @Parameter(description = "YYYY-MM-DD", required = true) @QueryParam("day") String day) {
        return readSessions.openedOn(siteId, day).map(rows -> rows.stream().map(SessionSummary::of).toList());
    }

    @POST
    @ResponseStatus(201)
    @Operation(summary = "Open a session for the case's latest plan, with the caller as the therapist",
            description = "The plan is frozen into the session: a later plan version applies to sessions opened after"
                    + " it.")
    @APIResponse(responseCode = "409", description = "The case was referred out (problem+json)")
    public Uni<SessionView> open(@Valid @NotNull SessionRequests.OpenSession request, @RestHeader(KEY) String key) {
        // Metrics the command moves are counted once its transaction has committed.
        return AfterCommit.scope(() -> openSession.open(request.caseId(), key)).map(SessionView::of);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "The session with its notes and its timeline: every record in order, with who and when")
    public Uni<SessionView> get(@PathParam("id") UUID id) {
        return readSessions.timeline(id).map(SessionView::of);
    }

    @PUT
    @Path("{id}/notes")
    @Operation(summary = "Replace the session's free-text notes (any state)",
            description = "Notes stay in this service: no event and no audit entry carries them.")
    @APIResponse(responseCode = "400", description = "notes missing or longer than 4000 characters (problem+json)")
    public Uni<SessionNotes> notes(@PathParam("id") UUID id, @Valid @NotNull SessionRequests.Notes request) {
        return recordNotes.replace(id, request.notes()).map(SessionNotes::of);
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
    @Operation(summary = "Record one step as performed, modified or skipped, with its parameters",
            description = "Refused (422, nothing stored): more than two ice cubes, heat applied in the future, an ice"
                    + " or heat step the plan excluded, the affected area and spine massaged under heat, an excluded"
                    + " step without an override, a safety limit of a step the plan modified exceeded without a"
                    + " clinical lead's override (a deviation reason does not lift it), a step out of the protocol's"
                    + " order without a deviation reason. Heat left on longer than the plan allows is flagged on the"
                    + " session (deviations, timeline), not refused.")
    @APIResponse(responseCode = "403", description = "An override is given by someone who is not a clinical lead")
    @APIResponse(responseCode = "409", description = "Not allowed in the session's state, e.g. before consent")
    @APIResponse(responseCode = "422", description = "Refused by a safety rule (problem+json with the rule's code)")
    public Uni<SessionView> step(@PathParam("id") UUID id, @Valid @NotNull SessionRequests.Step request,
                                 @RestHeader(KEY) String key) {
        StepReport report = new StepReport(request.step(),
                request.parameters() == null ? null : request.parameters().toDomain(), request.outcome(),
                request.deviationReason(), null);
        if (request.override() != null) {
            if (!identity.hasRole("clinical-lead")) {
                throw new ProblemException(403, "override-needs-clinical-lead", "Forbidden",
                        "Only a clinical lead may override a step the plan excluded or limited", List.of());
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
        return AfterCommit.scope(() -> runSession.run(id, operation, key, request, command)).map(SessionView::of);
    }
}
