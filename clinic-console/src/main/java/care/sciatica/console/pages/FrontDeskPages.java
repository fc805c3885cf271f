package care.sciatica.console.pages;

import care.sciatica.console.Staff;
import care.sciatica.console.Viewer;
import care.sciatica.console.services.Answers;
import care.sciatica.console.services.FollowupApi;
import care.sciatica.console.services.IntakeApi;
import care.sciatica.console.services.ServiceProblem;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The front desk's pages: the first-visit form, the site's cases, the day of appointments, the open tasks. */
@Path("/sites/{site}")
@Produces(MediaType.TEXT_HTML)
public class FrontDeskPages {

    /** The clinics' time zone: what "today" and a typed appointment time mean. */
    static final ZoneId CLINIC_ZONE = ZoneId.of("Europe/London");
    private static final Set<String> APPOINTMENT_CHANGES = Set.of("confirmation", "reschedule", "cancellation",
            "attended", "no-show");

    private final Staff staff;
    private final IntakeApi intake;
    private final FollowupApi followup;
    private final Template intakeForm;
    private final Template cases;
    private final Template day;
    private final Template tasks;
    private final Template caseView;
    private final Template amendmentForm;

    public FrontDeskPages(Staff staff, @RestClient IntakeApi intake, @RestClient FollowupApi followup,
                          @Location("intakeForm.html") Template intakeForm, @Location("cases.html") Template cases,
                          @Location("day.html") Template day, @Location("tasks.html") Template tasks,
                          @Location("caseView.html") Template caseView,
                          @Location("amendmentForm.html") Template amendmentForm) {
        this.staff = staff;
        this.intake = intake;
        this.followup = followup;
        this.intakeForm = intakeForm;
        this.cases = cases;
        this.day = day;
        this.tasks = tasks;
        this.caseView = caseView;
        this.amendmentForm = amendmentForm;
    }

    @GET
    @Path("intake")
    @RolesAllowed({Staff.FRONT_DESK, Staff.THERAPIST})
    public TemplateInstance newIntake(@PathParam("site") String site) {
        Sites.require(staff, site);
        return form(site, IntakeForm.Values.empty(), null, UUID.randomUUID().toString());
    }

    @POST
    @Path("intake")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Staff.FRONT_DESK, Staff.THERAPIST})
    public Response recordIntake(@PathParam("site") String site, MultivaluedMap<String, String> form) {
        Sites.require(staff, site);
        Map<String, List<String>> values = new LinkedHashMap<>(form);
        // One key per filled-in form: pressing "Record" twice records one first visit.
        String key = form.getFirst("idempotencyKey");
        var outcome = Answers.outcome(() -> intake.recordIntake(key == null ? UUID.randomUUID().toString() : key,
                IntakeForm.request(site, values)));
        if (outcome.refused()) {
            return Response.status(outcome.problem().status())
                    .entity(form(site, new IntakeForm.Values(values), outcome.problem(),
                            UUID.randomUUID().toString()))
                    .type(MediaType.TEXT_HTML).build();
        }
        String caseId = outcome.body().path("caseId").asText();
        return Response.seeOther(URI.create("/sites/" + site + "/cases/" + caseId + "?recorded=true")).build();
    }

    @GET
    @Path("cases")
    @RolesAllowed({Staff.FRONT_DESK, Staff.THERAPIST, Staff.CLINICAL_LEAD})
    public TemplateInstance cases(@PathParam("site") String site, @QueryParam("status") String status,
                                  @QueryParam("openedFrom") String openedFrom, @QueryParam("openedTo") String openedTo,
                                  @QueryParam("page") Integer page) {
        Sites.require(staff, site);
        var outcome = Answers.outcome(() -> intake.cases(site, blankToNull(status), blankToNull(openedFrom),
                blankToNull(openedTo), page));
        return cases.data("viewer", Viewer.of(staff, site))
                .data("page", outcome.refused() ? Map.of() : Answers.map(outcome.body()))
                .data("problem", outcome.problem())
                .data("status", status == null ? "" : status)
                .data("openedFrom", openedFrom == null ? "" : openedFrom)
                .data("openedTo", openedTo == null ? "" : openedTo);
    }

    @GET
    @Path("cases/{caseId}")
    @RolesAllowed({Staff.FRONT_DESK, Staff.THERAPIST, Staff.CLINICAL_LEAD})
    public TemplateInstance caseView(@PathParam("site") String site, @PathParam("caseId") String caseId,
                                     @QueryParam("recorded") boolean recorded,
                                     @QueryParam("erased") boolean erased,
                                     @QueryParam("amended") boolean amended,
                                     @QueryParam("reviewed") boolean reviewed,
                                     @QueryParam("erasure") String erasure) {
        Sites.require(staff, site);
        JsonNode found = siteCase(site, caseId);
        var appointments = Answers.outcome(() -> followup.appointmentsOfCase(caseId));
        return EpisodePages.episode(caseView, staff, followup, site, found)
                .data("recorded", recorded)
                .data("erased", erased)
                .data("amended", amended)
                .data("reviewed", reviewed)
                .data("unconfirmed", "unconfirmed".equals(erasure))
                .data("appointments", appointments.refused() ? List.of() : Answers.list(appointments.body()));
    }

    /** The amendment form: the recorded history, as the form shows it, and a reason to give. */
    @GET
    @Path("cases/{caseId}/amendment")
    @RolesAllowed({Staff.FRONT_DESK, Staff.THERAPIST})
    public TemplateInstance amendment(@PathParam("site") String site, @PathParam("caseId") String caseId) {
        Sites.require(staff, site);
        JsonNode found = siteCase(site, caseId);
        JsonNode latest = found.path("historyVersions").path(found.path("historyVersions").size() - 1);
        return amendmentForm(site, found, IntakeForm.valuesOf(latest.path("history")), null);
    }

    @POST
    @Path("cases/{caseId}/amendment")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Staff.FRONT_DESK, Staff.THERAPIST})
    public Response amend(@PathParam("site") String site, @PathParam("caseId") String caseId,
                          MultivaluedMap<String, String> form) {
        Sites.require(staff, site);
        JsonNode found = siteCase(site, caseId);
        Map<String, List<String>> values = new LinkedHashMap<>(form);
        ObjectNode amendment = JsonNodeFactory.instance.objectNode();
        String supersedes = form.getFirst("supersedesVersion");
        if (supersedes != null && supersedes.matches("\\d{1,6}")) {
            amendment.put("supersedesVersion", Integer.parseInt(supersedes));
        }
        String reason = form.getFirst("amendmentReason");
        if (reason != null && !reason.isBlank()) {
            amendment.put("amendmentReason", reason);
        }
        amendment.set("history", IntakeForm.request(site, values).get("history"));
        var outcome = Answers.outcome(() -> intake.amendHistory(caseId, key(form), amendment));
        if (outcome.refused()) {
            return Response.status(outcome.problem().status()).type(MediaType.TEXT_HTML)
                    .entity(amendmentForm(site, found, new IntakeForm.Values(values), outcome.problem())).build();
        }
        return Response.seeOther(URI.create("/sites/" + site + "/cases/" + caseId + "?amended=true")).build();
    }

    private TemplateInstance amendmentForm(String site, JsonNode found, IntakeForm.Values values,
                                           ServiceProblem problem) {
        int latest = found.path("historyVersions").size();
        return amendmentForm.data("viewer", Viewer.of(staff, site))
                .data("kase", Answers.map(found))
                .data("latestVersion", latest)
                .data("sections", IntakeForm.historySections())
                .data("values", values)
                .data("errors", problem == null ? Map.of() : problem.fieldErrors())
                .data("problem", problem)
                .data("idempotencyKey", UUID.randomUUID().toString());
    }

    private JsonNode siteCase(String site, String caseId) {
        return Sites.caseAt(intake, site, caseId);
    }

    private static String key(MultivaluedMap<String, String> form) {
        String key = form.getFirst("idempotencyKey");
        return key == null || key.isBlank() ? UUID.randomUUID().toString() : key;
    }

    /** Everything held about the patient, as the intake service exports it (the export is audited there). */
    @GET
    @Path("patients/{patientRef}/export")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Staff.FRONT_DESK, Staff.THERAPIST, Staff.CLINICAL_LEAD})
    public Response export(@PathParam("site") String site, @PathParam("patientRef") String patientRef) {
        Sites.require(staff, site);
        JsonNode export = Answers.read(() -> intake.export(patientRef));
        return Response.ok(export.toString(), MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"" + patientRef.replaceAll("[^A-Za-z0-9_]", "")
                        + "-export.json\"")
                .header("Cache-Control", "no-store").build();
    }

    /** The patient's identity erased, once the person confirmed it on the case page. */
    @POST
    @Path("cases/{caseId}/erasure")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Staff.FRONT_DESK, Staff.THERAPIST})
    public Response erase(@PathParam("site") String site, @PathParam("caseId") String caseId,
                          MultivaluedMap<String, String> form) {
        Sites.require(staff, site);
        JsonNode found = siteCase(site, caseId);
        if (!"yes".equals(form.getFirst("confirmed"))) {
            return Response.seeOther(URI.create("/sites/" + site + "/cases/" + caseId + "?erasure=unconfirmed")).build();
        }
        Answers.read(() -> intake.erase(found.path("patientRef").asText(), UUID.randomUUID().toString()));
        return Response.seeOther(URI.create("/sites/" + site + "/cases/" + caseId + "?erased=true")).build();
    }

    @GET
    @Path("day")
    @RolesAllowed({Staff.FRONT_DESK, Staff.THERAPIST, Staff.CLINICAL_LEAD})
    public TemplateInstance day(@PathParam("site") String site, @QueryParam("day") String dayParam) {
        Sites.require(staff, site);
        return dayPage(site, dayParam, null);
    }

    @POST
    @Path("appointments/{id}/{change}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Staff.FRONT_DESK)
    public Response changeAppointment(@PathParam("site") String site, @PathParam("id") String appointmentId,
                                      @PathParam("change") String change, MultivaluedMap<String, String> form) {
        Sites.require(staff, site);
        if (!APPOINTMENT_CHANGES.contains(change)) {
            throw new care.sciatica.console.services.ServiceRefused(404, "No such change: " + change);
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        String command = change;
        switch (change) {
            case "reschedule" -> {
                String start = form.getFirst("start");
                body.put("start", start == null || start.isBlank() ? "" : LocalDateTime.parse(start)
                        .atZone(CLINIC_ZONE).toInstant().toString());
            }
            case "cancellation" -> body.put("reason", form.getFirst("reason"));
            case "attended" -> {
                command = "attendance";
                body.put("outcome", "ATTENDED");
            }
            case "no-show" -> {
                command = "attendance";
                body.put("outcome", "NO_SHOW");
            }
            default -> {
            }
        }
        String path = command;
        var outcome = Answers.outcome(() -> followup.change(appointmentId, path, UUID.randomUUID().toString(),
                "confirmation".equals(change) ? null : body));
        String shownDay = form.getFirst("day");
        if (outcome.refused()) {
            return Response.status(outcome.problem().status()).type(MediaType.TEXT_HTML)
                    .entity(dayPage(site, shownDay, outcome.problem())).build();
        }
        return Response.seeOther(URI.create("/sites/" + site + "/day" + (shownDay == null ? "" : "?day=" + shownDay)))
                .build();
    }

    @GET
    @Path("tasks")
    @RolesAllowed({Staff.FRONT_DESK, Staff.THERAPIST, Staff.CLINICAL_LEAD})
    public TemplateInstance tasks(@PathParam("site") String site) {
        Sites.require(staff, site);
        return tasks.data("viewer", Viewer.of(staff, site))
                .data("tasks", Answers.list(Answers.read(() -> followup.tasks(site))));
    }

    private TemplateInstance dayPage(String site, String dayParam, Object problem) {
        LocalDate shown = dayParam == null || dayParam.isBlank() ? LocalDate.now(CLINIC_ZONE) : LocalDate.parse(dayParam);
        List<Map<String, Object>> appointments = Answers.list(Answers.read(() -> followup.day(site, shown.toString())));
        return day.data("viewer", Viewer.of(staff, site))
                .data("day", shown.toString())
                .data("previous", shown.minusDays(1).toString())
                .data("next", shown.plusDays(1).toString())
                .data("appointments", appointments)
                .data("problem", problem);
    }

    private TemplateInstance form(String site, IntakeForm.Values values, ServiceProblem problem, String key) {
        return intakeForm.data("viewer", Viewer.of(staff, site))
                .data("errors", problem == null ? Map.of() : problem.fieldErrors())
                .data("sections", IntakeForm.SECTIONS)
                .data("values", values)
                .data("problem", problem)
                .data("idempotencyKey", key);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
