package care.sciatica.console.pages;

import care.sciatica.console.Staff;
import care.sciatica.console.Viewer;
import care.sciatica.console.services.Answers;
import care.sciatica.console.services.AssessmentApi;
import care.sciatica.console.services.SessionApi;
import care.sciatica.console.services.ServiceProblem;
import care.sciatica.console.services.ServiceRefused;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The therapist's pages: the live worklist, a case's assessment in plain words, and the session runner, which posts
 * each record of the session to the session service as it happens and shows every refusal with its rule.
 */
@Path("/sites/{site}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Staff.THERAPIST, Staff.CLINICAL_LEAD})
public class TherapistPages {

    private static final Set<String> COMMANDS = Set.of("pain-before", "explanation", "consent", "consent-withdrawal",
            "steps", "heat-removal", "pain-after", "advice", "completion", "early-end");
    private static final Set<String> SITE_STEPS = Set.of("PALPATION", "ICE_MASSAGE");

    private final Staff staff;
    private final SessionApi sessions;
    private final AssessmentApi assessments;
    private final Template worklist;
    private final Template worklistItems;
    private final Template assessment;
    private final Template runner;

    public TherapistPages(Staff staff, @RestClient SessionApi sessions, @RestClient AssessmentApi assessments,
                          @Location("worklist.html") Template worklist,
                          @Location("worklistItems.html") Template worklistItems,
                          @Location("assessment.html") Template assessment,
                          @Location("runner.html") Template runner) {
        this.staff = staff;
        this.sessions = sessions;
        this.assessments = assessments;
        this.worklist = worklist;
        this.worklistItems = worklistItems;
        this.assessment = assessment;
        this.runner = runner;
    }

    @GET
    @Path("worklist")
    public TemplateInstance worklist(@PathParam("site") String site) {
        Sites.require(staff, site);
        return worklist.data("viewer", Viewer.of(staff, site)).data("items", items(site));
    }

    /** The worklist's rows alone: what the page fetches again when the live feed says a case of the site changed. */
    @GET
    @Path("worklist/items")
    public TemplateInstance worklistItems(@PathParam("site") String site) {
        Sites.require(staff, site);
        return worklistItems.data("viewer", Viewer.of(staff, site)).data("items", items(site));
    }

    @GET
    @Path("cases/{caseId}/assessment")
    public TemplateInstance assessment(@PathParam("site") String site, @PathParam("caseId") String caseId) {
        Sites.require(staff, site);
        JsonNode found = siteRecord(Answers.read(() -> assessments.assessment(caseId)), site, caseId);
        return assessment.data("viewer", Viewer.of(staff, site)).data("assessment", Answers.map(found))
                .data("steps", Runner.of(JsonNodeFactory.instance.objectNode(), found).steps())
                .data("problem", null);
    }

    @POST
    @Path("cases/{caseId}/sessions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response openSession(@PathParam("site") String site, @PathParam("caseId") String caseId,
                                MultivaluedMap<String, String> form) {
        Sites.require(staff, site);
        var outcome = Answers.outcome(() -> sessions.open(key(form),
                JsonNodeFactory.instance.objectNode().put("caseId", caseId)));
        if (outcome.refused()) {
            JsonNode found = Answers.read(() -> assessments.assessment(caseId));
            return Response.status(outcome.problem().status()).type(MediaType.TEXT_HTML)
                    .entity(assessment.data("viewer", Viewer.of(staff, site)).data("assessment", Answers.map(found))
                            .data("steps", Runner.of(JsonNodeFactory.instance.objectNode(), found).steps())
                            .data("problem", outcome.problem()))
                    .build();
        }
        return Response.seeOther(URI.create("/sites/" + site + "/sessions/"
                + outcome.body().path("sessionId").asText())).build();
    }

    @GET
    @Path("sessions/{id}")
    public TemplateInstance session(@PathParam("site") String site, @PathParam("id") String sessionId) {
        Sites.require(staff, site);
        return runnerPage(site, sessionId, null, null);
    }

    @POST
    @Path("sessions/{id}/{command}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response command(@PathParam("site") String site, @PathParam("id") String sessionId,
                            @PathParam("command") String command, MultivaluedMap<String, String> form) {
        Sites.require(staff, site);
        if (!COMMANDS.contains(command)) {
            throw new ServiceRefused(404, "No session command " + command);
        }
        var outcome = Answers.outcome(() -> sessions.command(sessionId, command, key(form), body(command, form)));
        if (outcome.refused()) {
            // The runner again, with the refusal at the step it concerns and the form as it was sent.
            return Response.status(outcome.problem().status()).type(MediaType.TEXT_HTML)
                    .entity(runnerPage(site, sessionId, outcome.problem(), form.getFirst("step"))).build();
        }
        String anchor = form.getFirst("step") == null ? command : form.getFirst("step").toLowerCase().replace('_', '-');
        return Response.seeOther(URI.create("/sites/" + site + "/sessions/" + sessionId + "#" + anchor)).build();
    }

    private TemplateInstance runnerPage(String site, String sessionId, ServiceProblem problem, String refusedStep) {
        JsonNode session = siteRecord(Answers.read(() -> sessions.session(sessionId)), site, sessionId);
        JsonNode plan = Answers.read(() -> assessments.assessment(session.path("caseId").asText()));
        return runner.data("viewer", Viewer.of(staff, site))
                .data("runner", Runner.of(session, plan))
                .data("problem", problem)
                .data("refusedStep", refusedStep == null ? "" : refusedStep)
                .data("explanationPoints", List.of("WHAT_WILL_HAPPEN", "HOW_IT_WILL_HELP", "ICE_AND_HEAT",
                        "POSSIBLE_DISCOMFORT", "RIGHT_TO_STOP", "ALTERNATIVES"))
                .data("bodySites", List.of("LUMBAR_SPINE", "SACRUM", "LEFT_SIJ", "RIGHT_SIJ", "LEFT_GLUTEAL",
                        "RIGHT_GLUTEAL", "LEFT_SCIATIC_NOTCH", "RIGHT_SCIATIC_NOTCH", "LEFT_POSTERIOR_THIGH",
                        "RIGHT_POSTERIOR_THIGH", "LEFT_CALF", "RIGHT_CALF", "LEFT_FOOT", "RIGHT_FOOT", "LEFT_HIP",
                        "RIGHT_HIP"))
                .data("deviationReasons", List.of("PATIENT_DISCOMFORT", "TIME", "CONTRAINDICATION_FOUND",
                        "PATIENT_PREFERENCE", "OTHER_CLINICAL"))
                .data("endReasons", List.of("ADVERSE_REACTION", "RED_FLAG_FOUND", "PATIENT_UNWELL", "OTHER_CLINICAL"))
                .data("techniques", List.of("EFFLEURAGE", "PETRISSAGE", "SUSTAINED_PRESSURE", "LONG_AXIS_TRACTION",
                        "POSTERIOR_ANTERIOR_GLIDE", "SIDE_LYING_ROTATION", "SIJ_GAPPING"))
                .data("advices", List.of("SITTING_CUSHION", "EXERCISE", "ACTIVITY_MODIFICATION", "HEAT_AT_HOME"))
                .data("now", LocalTime.now(FrontDeskPages.CLINIC_ZONE).withSecond(0).withNano(0).toString())
                .data("key", UUID.randomUUID().toString());
    }

    /** The body of a session command, from the runner's form; what does not parse is sent as typed. */
    static ObjectNode body(String command, MultivaluedMap<String, String> form) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        switch (command) {
            case "pain-before", "pain-after" -> number(body, "nrs", form.getFirst("nrs"));
            case "explanation" -> {
                strings(body.putArray("points"), form.get("points"));
                body.put("questionsAnswered", "true".equals(form.getFirst("questionsAnswered")));
            }
            case "consent" -> body.put("decision", form.getFirst("decision")).put("method", form.getFirst("method"));
            case "consent-withdrawal" -> body.put("method", orElse(form.getFirst("method"), "VERBAL"));
            case "advice" -> strings(body.putArray("advice"), form.get("advice"));
            case "early-end" -> body.put("reason", form.getFirst("reason"));
            case "steps" -> step(body, form);
            default -> {
                return null;
            }
        }
        return body;
    }

    private static void step(ObjectNode body, MultivaluedMap<String, String> form) {
        String step = form.getFirst("step");
        String outcome = orElse(form.getFirst("outcome"), "PERFORMED");
        body.put("step", step).put("outcome", outcome);
        if (!"PERFORMED".equals(outcome)) {
            body.put("deviationReason", form.getFirst("deviationReason"));
            return;
        }
        ObjectNode parameters = body.putObject("parameters");
        strings(parameters.putArray(SITE_STEPS.contains(step) ? "sites" : "regions"), form.get("areas"));
        number(parameters, "iceCubesAtOnce", form.getFirst("iceCubesAtOnce"));
        number(parameters, "minutes", form.getFirst("minutes"));
        text(parameters, "heatKind", form.getFirst("heatKind"));
        text(parameters, "pressure", form.getFirst("pressure"));
        text(parameters, "technique", form.getFirst("technique"));
        if ("HEAT".equals(step)) {
            String at = form.getFirst("heatAppliedAt");
            Instant now = Instant.now();
            Instant applied = at == null || !at.matches("\\d{2}:\\d{2}") ? now
                    : LocalDate.now(FrontDeskPages.CLINIC_ZONE).atTime(LocalTime.parse(at))
                    .atZone(FrontDeskPages.CLINIC_ZONE).toInstant();
            // The form shows the minute; the minute being now means "just now", to the second.
            parameters.put("heatAppliedAt", (applied.isAfter(now.minusSeconds(60)) ? now : applied).toString());
        }
        if (parameters.path(SITE_STEPS.contains(step) ? "sites" : "regions").isEmpty()) {
            parameters.remove(List.of("sites", "regions"));
        }
    }

    private JsonNode siteRecord(JsonNode record, String site, String id) {
        if (!site.equals(record.path("siteId").asText())) {
            throw new ServiceRefused(404, "No record " + id + " at " + site);
        }
        return record;
    }

    private List<Map<String, Object>> items(String site) {
        return Answers.list(Answers.read(() -> sessions.worklist(site)));
    }

    private static String key(MultivaluedMap<String, String> form) {
        String key = form.getFirst("idempotencyKey");
        return key == null || key.isBlank() ? UUID.randomUUID().toString() : key;
    }

    private static void number(ObjectNode node, String name, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        if (value.trim().matches("-?\\d{1,9}")) {
            node.put(name, Integer.parseInt(value.trim()));
        } else {
            node.put(name, value);
        }
    }

    private static void text(ObjectNode node, String name, String value) {
        if (value != null && !value.isBlank()) {
            node.put(name, value);
        }
    }

    private static void strings(ArrayNode array, List<String> values) {
        if (values != null) {
            values.stream().filter(value -> !value.isBlank()).forEach(array::add);
        }
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
