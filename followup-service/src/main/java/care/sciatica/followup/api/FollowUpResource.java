package care.sciatica.followup.api;

import care.sciatica.followup.persistence.AppointmentRow;
import care.sciatica.followup.persistence.FollowUpTaskRow;
import care.sciatica.followup.usecase.DecideEpisodeReview;
import care.sciatica.followup.usecase.ReadEpisode;
import care.sciatica.platform.idempotency.IdempotentRequests;
import care.sciatica.platform.security.SiteScope;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestHeader;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Follow-ups over HTTP: a case's appointments and a site's open tasks, always within the caller's sites. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"front-desk", "therapist", "clinical-lead", "booking-system"})
public class FollowUpResource {

    private final SiteScope siteScope;
    private final ReadEpisode readEpisode;
    private final DecideEpisodeReview decideEpisodeReview;

    public FollowUpResource(SiteScope siteScope, ReadEpisode readEpisode, DecideEpisodeReview decideEpisodeReview) {
        this.siteScope = siteScope;
        this.readEpisode = readEpisode;
        this.decideEpisodeReview = decideEpisodeReview;
    }

    /** The case's episode of care: baseline, every visit's scores and change, MIC, plan version, steps, decisions. */
    @GET
    @Path("cases/{caseId}/episode")
    @RolesAllowed({"front-desk", "therapist", "clinical-lead"})
    public Uni<EpisodeView> episode(@PathParam("caseId") UUID caseId) {
        return readEpisode.of(caseId);
    }

    @GET
    @Path("cases/{caseId}/appointments")
    @WithSession
    public Uni<List<AppointmentView>> appointmentsOfCase(@PathParam("caseId") UUID caseId) {
        Set<String> sites = siteScope.listable(null);
        if (sites.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return AppointmentRow.<AppointmentRow>list("caseId = ?1 and siteId in ?2 order by startsAt", caseId, sites)
                .map(rows -> rows.stream().map(AppointmentView::of).toList());
    }

    /**
     * A clinical lead's decision on an episode the policy flagged: the lead's review tasks are done and the flag lifted;
     * REFER closes the episode and opens the referral's arrangement. Answers the episode; 409 when no review waits.
     */
    @POST
    @Path("cases/{caseId}/episode/lead-decisions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("clinical-lead")
    public Uni<EpisodeView> decide(@PathParam("caseId") UUID caseId, @Valid @NotNull EpisodeRequests.Decide request,
                                   @RestHeader(IdempotentRequests.HEADER) String key) {
        return decideEpisodeReview.decide(caseId, request, key);
    }

    @GET
    @Path("tasks")
    @WithSession
    @RolesAllowed({"front-desk", "therapist", "clinical-lead"})
    public Uni<List<FollowUpTaskView>> openTasks(@QueryParam("siteId") String siteId) {
        Set<String> sites = siteScope.listable(siteId);
        if (sites.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return FollowUpTaskRow.<FollowUpTaskRow>list("siteId in ?1 and status = ?2 order by dueBy", sites,
                        FollowUpTaskRow.OPEN)
                .map(rows -> rows.stream().map(FollowUpTaskView::of).toList());
    }
}
