package care.sciatica.console.pages;

import care.sciatica.console.Staff;
import care.sciatica.console.Viewer;
import care.sciatica.console.services.Answers;
import care.sciatica.console.services.AssessmentApi;
import care.sciatica.console.services.FollowupApi;
import care.sciatica.console.services.IntakeApi;
import care.sciatica.console.services.SessionApi;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The clinical lead's pages: flagged follow-ups and tasks, referrals by urgency, overrides, a case's audit trail. */
@Path("/sites/{site}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Staff.CLINICAL_LEAD)
public class LeadPages {

    private static final List<String> URGENCY = List.of("EMERGENCY", "URGENT", "SOON", "ROUTINE");

    private final Staff staff;
    private final IntakeApi intake;
    private final AssessmentApi assessments;
    private final SessionApi sessions;
    private final FollowupApi followup;
    private final Template lead;
    private final Template audit;

    public LeadPages(Staff staff, @RestClient IntakeApi intake, @RestClient AssessmentApi assessments,
                     @RestClient SessionApi sessions, @RestClient FollowupApi followup,
                     @Location("lead.html") Template lead, @Location("audit.html") Template audit) {
        this.staff = staff;
        this.intake = intake;
        this.assessments = assessments;
        this.sessions = sessions;
        this.followup = followup;
        this.lead = lead;
        this.audit = audit;
    }

    @GET
    @Path("lead")
    public TemplateInstance lead(@PathParam("site") String site) {
        Sites.require(staff, site);
        List<Map<String, Object>> tasks = Answers.list(Answers.read(() -> followup.tasks(site)));
        List<Map<String, Object>> flagged = tasks.stream()
                .filter(task -> Boolean.TRUE.equals(task.get("flaggedForLead"))).toList();
        List<Map<String, Object>> referrals = new ArrayList<>(Answers.list(
                Answers.read(() -> assessments.assessments(site, "REFERRAL")).path("items")));
        referrals.sort(Comparator.comparingInt(referral -> {
            int rank = URGENCY.indexOf(String.valueOf(referral.get("urgency")));
            return rank < 0 ? URGENCY.size() : rank;
        }));
        return lead.data("viewer", Viewer.of(staff, site)).data("flagged", flagged).data("tasks", tasks)
                .data("referrals", referrals);
    }

    @GET
    @Path("cases/{caseId}/audit")
    public TemplateInstance audit(@PathParam("site") String site, @PathParam("caseId") String caseId) {
        Sites.require(staff, site);
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Map.Entry<String, JsonNode> trail : List.of(
                Map.entry("intake", Answers.read(() -> intake.audit(site, caseId))),
                Map.entry("assessment", Answers.read(() -> assessments.audit(site, caseId))),
                Map.entry("session", Answers.read(() -> sessions.audit(site, caseId))),
                Map.entry("follow-up", Answers.read(() -> followup.audit(site, caseId))))) {
            for (Map<String, Object> entry : Answers.list(trail.getValue())) {
                var withService = new java.util.LinkedHashMap<>(entry);
                withService.put("service", trail.getKey());
                entries.add(withService);
            }
        }
        entries.sort(Comparator.comparing(entry -> String.valueOf(entry.get("occurredAt"))));
        return audit.data("viewer", Viewer.of(staff, site)).data("caseId", caseId).data("entries", entries);
    }

    /** A step override of the current plan; the reason is mandatory here and in the assessment service. */
    @POST
    @Path("cases/{caseId}/overrides")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response override(@PathParam("site") String site, @PathParam("caseId") String caseId,
                             MultivaluedMap<String, String> form) {
        Sites.require(staff, site);
        ObjectNode body = JsonNodeFactory.instance.objectNode()
                .put("target", "STEP")
                .put("step", form.getFirst("step"))
                .put("status", form.getFirst("status"))
                .put("reason", form.getFirst("reason") == null ? "" : form.getFirst("reason"));
        var outcome = Answers.outcome(() -> assessments.override(caseId, UUID.randomUUID().toString(), body));
        String back = "/sites/" + site + "/cases/" + caseId + "/assessment";
        if (outcome.refused()) {
            return Response.seeOther(URI.create(back + "?refused="
                    + java.net.URLEncoder.encode(String.valueOf(outcome.problem().detail()),
                    java.nio.charset.StandardCharsets.UTF_8))).build();
        }
        return Response.seeOther(URI.create(back + "?overridden=true")).build();
    }
}
