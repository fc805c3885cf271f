package care.sciatica.console.pages;

import care.sciatica.console.Staff;
import care.sciatica.console.Viewer;
import care.sciatica.console.services.Answers;
import care.sciatica.console.services.FollowupApi;
import care.sciatica.console.services.IntakeApi;
import care.sciatica.console.services.ServiceProblem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A case's episode of care: the trajectory section of the case view (also on its own, for the live refresh) and the
 * review at an open follow-up visit, which the front desk or a therapist records into the intake service.
 */
@Path("/sites/{site}")
@Produces(MediaType.TEXT_HTML)
public class EpisodePages {

    private final Staff staff;
    private final IntakeApi intake;
    private final FollowupApi followup;
    private final Template episode;
    private final Template reviewForm;
    private final Template leadDecisionRefused;

    public EpisodePages(Staff staff, @RestClient IntakeApi intake, @RestClient FollowupApi followup,
                        @Location("episode.html") Template episode,
                        @Location("reviewForm.html") Template reviewForm,
                        @Location("leadDecisionRefused.html") Template leadDecisionRefused) {
        this.staff = staff;
        this.intake = intake;
        this.followup = followup;
        this.episode = episode;
        this.reviewForm = reviewForm;
        this.leadDecisionRefused = leadDecisionRefused;
    }

    /** The episode section alone: what the case view fetches again when the live feed says a case changed. */
    @GET
    @Path("cases/{caseId}/episode")
    @RolesAllowed({Staff.FRONT_DESK, Staff.THERAPIST, Staff.CLINICAL_LEAD})
    public TemplateInstance episode(@PathParam("site") String site, @PathParam("caseId") String caseId) {
        Sites.require(staff, site);
        return episode(episode, staff, followup, site, Sites.caseAt(intake, site, caseId));
    }

    /**
     * A page's data for the episode section: the follow-up service's episode (absent while it has not heard of the
     * case), intake's open visit, and whether the viewer may record its review.
     */
    static TemplateInstance episode(Template page, Staff staff, FollowupApi followup, String site, JsonNode kase) {
        JsonNode episode = Answers.readIfFound(() -> followup.episode(kase.path("caseId").asText()));
        return page.data("viewer", Viewer.of(staff, site))
                .data("kase", Answers.map(kase))
                .data("episode", episode == null ? null : Answers.map(episode))
                .data("openVisit", ReviewForm.openVisit(kase))
                .data("mayReview", mayReview(staff))
                .data("mayDecide", staff.is(Staff.CLINICAL_LEAD))
                .data("decisionKey", UUID.randomUUID().toString());
    }

    /**
     * A clinical lead's decision on an episode the policy flagged, posted to the follow-up service with the form's
     * idempotency key; back to the case, or the service's refusal (no review waiting, a missing reason) on a page.
     */
    @POST
    @Path("cases/{caseId}/episode/lead-decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Staff.CLINICAL_LEAD)
    public Response decide(@PathParam("site") String site, @PathParam("caseId") String caseId,
                           MultivaluedMap<String, String> form) {
        Sites.require(staff, site);
        Sites.caseAt(intake, site, caseId);
        ObjectNode body = Answers.json().createObjectNode()
                .put("decision", form.getFirst("decision"))
                .put("reason", form.getFirst("reason"));
        String key = form.getFirst("idempotencyKey");
        var outcome = Answers.outcome(() -> followup.decide(caseId,
                key == null || key.isBlank() ? UUID.randomUUID().toString() : key, body));
        if (outcome.refused()) {
            return Response.status(outcome.problem().status()).type(MediaType.TEXT_HTML)
                    .entity(leadDecisionRefused.data("viewer", Viewer.of(staff, site)).data("caseId", caseId)
                            .data("problem", outcome.problem()))
                    .build();
        }
        return Response.seeOther(URI.create("/sites/" + site + "/cases/" + caseId + "?decided=true")).build();
    }

    @GET
    @Path("cases/{caseId}/review")
    @RolesAllowed({Staff.FRONT_DESK, Staff.THERAPIST})
    public TemplateInstance newReview(@PathParam("site") String site, @PathParam("caseId") String caseId) {
        Sites.require(staff, site);
        JsonNode kase = Sites.caseAt(intake, site, caseId);
        return reviewForm(site, kase, ReviewForm.openVisit(kase), IntakeForm.Values.empty(), null);
    }

    @POST
    @Path("cases/{caseId}/review")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Staff.FRONT_DESK, Staff.THERAPIST})
    public Response review(@PathParam("site") String site, @PathParam("caseId") String caseId,
                           MultivaluedMap<String, String> form) {
        Sites.require(staff, site);
        JsonNode kase = Sites.caseAt(intake, site, caseId);
        Map<String, List<String>> values = new LinkedHashMap<>(form);
        String visitText = form.getFirst("visit");
        // The visit the form was opened for: reviewing another one by accident is what intake's 409 is there for.
        Integer visit = visitText != null && visitText.matches("\\d{1,3}") ? Integer.valueOf(visitText)
                : ReviewForm.openVisit(kase);
        if (visit == null) {
            return Response.status(409).type(MediaType.TEXT_HTML)
                    .entity(reviewForm(site, kase, null, new IntakeForm.Values(values), null)).build();
        }
        // One key per filled-in form: pressing "Record" twice records one review.
        String key = form.getFirst("idempotencyKey");
        var outcome = Answers.outcome(() -> intake.review(caseId,
                key == null || key.isBlank() ? UUID.randomUUID().toString() : key, ReviewForm.request(visit, values)));
        if (outcome.refused()) {
            return Response.status(outcome.problem().status()).type(MediaType.TEXT_HTML)
                    .entity(reviewForm(site, kase, visit, new IntakeForm.Values(values), outcome.problem())).build();
        }
        return Response.seeOther(URI.create("/sites/" + site + "/cases/" + caseId + "?reviewed=true")).build();
    }

    private TemplateInstance reviewForm(String site, JsonNode kase, Integer visit, IntakeForm.Values values,
                                        ServiceProblem problem) {
        return reviewForm.data("viewer", Viewer.of(staff, site))
                .data("kase", Answers.map(kase))
                .data("visit", visit)
                .data("sections", ReviewForm.SECTIONS)
                .data("values", values)
                .data("errors", problem == null ? Map.of() : problem.fieldErrors())
                .data("problem", problem)
                .data("idempotencyKey", UUID.randomUUID().toString());
    }

    /** Intake takes a review from the front desk or a therapist; a clinical lead alone reads the trajectory. */
    private static boolean mayReview(Staff staff) {
        return staff.is(Staff.FRONT_DESK) || staff.is(Staff.THERAPIST);
    }
}
