package care.sciatica.systemtests;

import care.sciatica.local.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.empty;

/**
 * The role matrix against the real Keycloak and the packaged services: every endpoint of the four services × every
 * role (and no token) × a record of the caller's own site (site-north) and of another site (site-south) → the status
 * the design asks for. Each cell is one dynamic test, named after its row, role and site.
 */
class RoleMatrixIT {

    /*
     * One row per endpoint; each role column holds "own/other" (one value: both). The callers are all of site-north:
     *   front-desk frontdesk.north · therapist therapist.north · clinical-lead lead.north (also a therapist, as in the
     *   realm) · ops ops.north and admin admin.north (made for this test: one role, sites [site-north], so that another
     *   site can be tried; the realm's chain users hold both sites) · booking-system the booking-demo client (client
     *   credentials, sites [site-north]) · none: no Authorization header.
     * "own" targets site-north's records (or siteId=site-north), "other" site-south's.
     * Targets: {case} {patient} {session} (completed) {appointment} {subscription} {delivery} {therapist} {day} are
     *   made once per site in setUp. {newX} is a fresh record made for a cell that is expected to succeed (so that no
     *   cell changes what another reads), and the shared one for a cell expected to be refused.
     * 409 = the role and site checks passed and the protocol refused the command for the record's state, storing
     *   nothing: session commands on a completed session, rescheduling an appointment to the time it already has, a
     *   visit review for a case with no follow-up visit open, a lead's decision on an episode no review waits for.
     * 403 on "other" for a write = acting for a site the caller does not belong to (siteId in the body / audit query).
     * 200 on "other" for a list = the answer holds none of the other site's rows (checked in listsHoldOnlyTheCallersSites).
     */
    private static final String MATRIX = """
            service    | endpoint                                                   | body         | none | front-desk | therapist | clinical-lead | ops     | booking-system | admin
            intake     | POST   /intakes                                            | intake       | 401  | 201/403    | 201/403   | 201/403       | 403     | 201/403        | 403
            intake     | POST   /cases                                              | openCase     | 401  | 201/403    | 201/403   | 201/403       | 403     | 403            | 403
            intake     | GET    /cases/{case}                                       | -            | 401  | 200/404    | 200/404   | 200/404       | 403     | 403            | 403
            intake     | POST   /cases/{newCase}/history                            | history      | 401  | 201/404    | 201/404   | 201/404       | 403     | 403            | 403
            intake     | POST   /cases/{newIntake}/history/amendments               | amendment    | 401  | 201/404    | 201/404   | 201/404       | 403     | 403            | 403
            intake     | POST   /cases/{case}/external-refs                         | externalRef  | 401  | 200/404    | 200/404   | 200/404       | 403     | 403            | 403
            intake     | POST   /cases/{case}/reviews                               | review       | 401  | 409/404    | 409/404   | 409/404       | 403     | 403            | 403
            intake     | POST   /patients                                           | patient      | 401  | 201/403    | 201/403   | 201/403       | 403     | 403            | 403
            intake     | GET    /patients/{patient}                                 | -            | 401  | 200/404    | 200/404   | 200/404       | 403     | 403            | 403
            intake     | GET    /patients/{patient}/export                          | -            | 401  | 200/404    | 200/404   | 200/404       | 403     | 403            | 403
            intake     | POST   /patients/{newPatient}/erasure                      | -            | 401  | 200/404    | 200/404   | 200/404       | 403     | 403            | 403
            intake     | GET    /sites/{site}/cases                                 | -            | 401  | 200/404    | 200/404   | 200/404       | 403     | 403            | 403
            intake     | GET    /sites/{site}/case-counts                           | -            | 401  | 200/404    | 200/404   | 200/404       | 200/404 | 403            | 403
            intake     | GET    /audit?siteId={site}                                | -            | 401  | 403        | 403       | 200/403       | 403     | 403            | 200/403
            assessment | GET    /cases/{case}/assessment                            | -            | 401  | 403        | 200/404   | 200/404       | 403     | 403            | 403
            assessment | POST   /cases/{newPlan}/assessment/overrides               | override     | 401  | 403        | 403       | 201/404       | 403     | 403            | 403
            assessment | GET    /assessments?siteId={site}                          | -            | 401  | 403        | 200       | 200           | 403     | 403            | 403
            assessment | POST   /assessments/preview                                | preview      | 401  | 403        | 200       | 200           | 403     | 403            | 403
            assessment | GET    /audit?siteId={site}                                | -            | 401  | 403        | 403       | 200/403       | 403     | 403            | 200/403
            session    | GET    /sessions?siteId={site}&day={today}                 | -            | 401  | 403        | 200       | 200           | 403     | 403            | 403
            session    | POST   /sessions                                           | openSession  | 401  | 403        | 201/404   | 201/404       | 403     | 403            | 403
            session    | GET    /sessions/{session}                                 | -            | 401  | 403        | 200/404   | 200/404       | 403     | 403            | 403
            session    | PUT    /sessions/{session}/notes                           | notes        | 401  | 403        | 200/404   | 200/404       | 403     | 403            | 403
            session    | POST   /sessions/{newSession}/explanation                  | explanation  | 401  | 403        | 200/404   | 200/404       | 403     | 403            | 403
            session    | POST   /sessions/{session}/consent                         | consent      | 401  | 403        | 409/404   | 409/404       | 403     | 403            | 403
            session    | POST   /sessions/{session}/consent-withdrawal              | withdrawal   | 401  | 403        | 409/404   | 409/404       | 403     | 403            | 403
            session    | POST   /sessions/{newSession}/pain-before                  | pain         | 401  | 403        | 200/404   | 200/404       | 403     | 403            | 403
            session    | POST   /sessions/{session}/pain-after                      | pain         | 401  | 403        | 409/404   | 409/404       | 403     | 403            | 403
            session    | POST   /sessions/{session}/steps                           | step         | 401  | 403        | 409/404   | 409/404       | 403     | 403            | 403
            session    | POST   /sessions/{session}/heat-removal                    | -            | 401  | 403        | 409/404   | 409/404       | 403     | 403            | 403
            session    | POST   /sessions/{session}/advice                          | advice       | 401  | 403        | 409/404   | 409/404       | 403     | 403            | 403
            session    | POST   /sessions/{session}/completion                      | -            | 401  | 403        | 409/404   | 409/404       | 403     | 403            | 403
            session    | POST   /sessions/{newSession}/early-end                    | earlyEnd     | 401  | 403        | 200/404   | 200/404       | 403     | 403            | 403
            session    | GET    /worklist?siteId={site}                             | -            | 401  | 403        | 200       | 200           | 403     | 403            | 403
            session    | GET    /audit?siteId={site}                                | -            | 401  | 403        | 403       | 200/403       | 403     | 403            | 200/403
            followup   | GET    /appointments?siteId={site}&day={day}               | -            | 401  | 200        | 200       | 200           | 200     | 200            | 200
            followup   | GET    /appointments/{appointment}                         | -            | 401  | 200/404    | 200/404   | 200/404       | 200/404 | 200/404        | 200/404
            followup   | POST   /appointments/{newAppointment}/confirmation         | -            | 401  | 200/404    | 403       | 403           | 403     | 200/404        | 403
            followup   | POST   /appointments/{appointment}/reschedule              | sameTime     | 401  | 409/404    | 403       | 403           | 403     | 409/404        | 403
            followup   | POST   /appointments/{newAppointment}/cancellation         | cancel       | 401  | 200/404    | 403       | 403           | 403     | 200/404        | 403
            followup   | POST   /appointments/{appointment}/attendance              | noShow       | 401  | 409/404    | 409/404   | 409/404       | 403     | 409/404        | 403
            followup   | GET    /calendars/sites/{site}.ics                         | -            | 401  | 200/404    | 200/404   | 200/404       | 200/404 | 200/404        | 200/404
            followup   | GET    /calendars/therapists/{therapist}.ics               | -            | 401  | 200        | 200       | 200           | 200     | 200            | 200
            followup   | GET    /fhir/Appointment/{appointment}                     | -            | 401  | 200/404    | 200/404   | 200/404       | 200/404 | 200/404        | 200/404
            followup   | GET    /fhir/Appointment?location=Location/{site}          | -            | 401  | 200        | 200       | 200           | 200     | 200            | 200
            followup   | GET    /fhir/Schedule?actor=Location/{site}                | -            | 401  | 200        | 200       | 200           | 200     | 200            | 200
            followup   | GET    /fhir/Slot?schedule=Schedule/{site}.{therapist}     | -            | 401  | 200        | 200       | 200           | 200     | 200            | 200
            followup   | GET    /fhir/metadata                                      | -            | 401  | 200        | 200       | 200           | 200     | 200            | 200
            followup   | GET    /fhir/Location/{site}                               | -            | 401  | 200/404    | 200/404   | 200/404       | 200/404 | 200/404        | 200/404
            followup   | GET    /cases/{case}/appointments                          | -            | 401  | 200        | 200       | 200           | 403     | 200            | 403
            followup   | GET    /tasks?siteId={site}                                | -            | 401  | 200        | 200       | 200           | 403     | 403            | 403
            followup   | GET    /cases/{case}/episode                               | -            | 401  | 200/404    | 200/404   | 200/404       | 403     | 403            | 403
            followup   | POST   /cases/{case}/episode/lead-decisions                | leadDecision | 401  | 403        | 403       | 409/404       | 403     | 403            | 403
            followup   | POST   /webhooks/subscriptions                             | subscription | 401  | 403        | 403       | 403           | 403     | 201/403        | 201/403
            followup   | GET    /webhooks/subscriptions?siteId={site}               | -            | 401  | 403        | 403       | 403           | 403     | 200            | 200
            followup   | GET    /webhooks/subscriptions/{subscription}              | -            | 401  | 403        | 403       | 403           | 403     | 200/404        | 200/404
            followup   | PUT    /webhooks/subscriptions/{subscription}              | subscription | 401  | 403        | 403       | 403           | 403     | 200/404        | 200/404
            followup   | DELETE /webhooks/subscriptions/{newSubscription}           | -            | 401  | 403        | 403       | 403           | 403     | 204/404        | 204/404
            followup   | GET    /webhooks/subscriptions/{subscription}/deliveries   | -            | 401  | 403        | 403       | 403           | 200/404 | 200/404        | 200/404
            followup   | GET    /webhooks/deliveries/{delivery}                     | -            | 401  | 403        | 403       | 403           | 200/404 | 200/404        | 200/404
            followup   | POST   /webhooks/deliveries/{delivery}/replay              | -            | 401  | 403        | 403       | 403           | 403     | 202/404        | 202/404
            followup   | POST   /webhooks/subscriptions/{newSubscription}/secret-rotation | -      | 401  | 403        | 403       | 403           | 403     | 200/404        | 200/404
            followup   | GET    /audit?siteId={site}                                | -            | 401  | 403        | 403       | 200/403       | 403     | 403            | 200/403
            """;

    static final String OWN = "site-north";
    static final String OTHER = "site-south";
    private static final ZoneId SITE_ZONE = ZoneId.of("Europe/London");
    private static final List<String> SERVICES = List.of("intake-service", "assessment-service", "session-service",
            "followup-service");

    private static RunningPlatform platform;
    private static TopicReader topics;
    private static ClinicFlows flows;
    private static HttpServer webhookReceiver;
    private static String webhookUrl;
    /** The caller of each role column (null: no token). */
    private static final Map<String, String> tokens = new LinkedHashMap<>();
    private static final Map<String, SiteRecords> records = new LinkedHashMap<>();

    /** One site's shared records and the staff who make fresh ones there. */
    record SiteRecords(String site, String frontDesk, String therapist, String admin, ClinicFlows.Flow flow,
                       String subscriptionId, String deliveryId) {
    }

    @BeforeAll
    static void setUp() throws IOException {
        platform = RunningPlatform.shared();
        topics = new TopicReader(platform.bootstrapServers());
        flows = new ClinicFlows(platform, topics);
        webhookReceiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhookReceiver.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        webhookReceiver.start();
        webhookUrl = "http://127.0.0.1:" + webhookReceiver.getAddress().getPort() + "/hooks";

        platform.keycloakAdmin().createUser("ops.north", "ops", OWN);
        platform.keycloakAdmin().createUser("admin.north", "admin", OWN);
        tokens.put("none", null);
        tokens.put("front-desk", platform.tokenFor("frontdesk.north"));
        tokens.put("therapist", platform.tokenFor("therapist.north"));
        tokens.put("clinical-lead", platform.tokenFor("lead.north"));
        tokens.put("ops", platform.tokenFor("ops.north"));
        tokens.put("booking-system", platform.tokenForClient("booking-demo", "booking-demo-secret-dev-only"));
        tokens.put("admin", platform.tokenFor("admin.north"));

        String adminChain = platform.tokenFor("admin.chain");
        records.put(OWN, site(OWN, tokens.get("front-desk"), tokens.get("therapist"), adminChain));
        records.put(OTHER, site(OTHER, platform.tokenFor("frontdesk.south"), platform.tokenFor("therapist.south"),
                adminChain));
    }

    /** A subscription first (so the appointment is delivered to it), then the whole flow, then its delivery. */
    private static SiteRecords site(String site, String frontDesk, String therapist, String admin) {
        String subscription = subscribe(admin, site);
        ClinicFlows.Flow flow = flows.wholeFlow(frontDesk, therapist, site);
        await().atMost(ClinicFlows.WAIT).untilAsserted(() -> flows.as(admin, "followup-service")
                .get("/webhooks/subscriptions/" + subscription + "/deliveries")
                .then().statusCode(200).body("$", not(empty())));
        String delivery = flows.as(admin, "followup-service")
                .get("/webhooks/subscriptions/" + subscription + "/deliveries")
                .then().extract().path("[0].id");
        return new SiteRecords(site, frontDesk, therapist, admin, flow, subscription, delivery);
    }

    private static String subscribe(String admin, String site) {
        Response response = flows.as(admin, "followup-service").contentType("application/json")
                .body(subscriptionBody(site).toString()).post("/webhooks/subscriptions");
        assertThat(response.statusCode()).as("subscribing: " + response.asString()).isEqualTo(201);
        return response.path("subscription.id");
    }

    @AfterAll
    static void tearDown() {
        if (topics != null) {
            topics.close();
        }
        if (webhookReceiver != null) {
            webhookReceiver.stop(0);
        }
    }

    @TestFactory
    Stream<DynamicTest> roleMatrix() {
        List<DynamicTest> cells = new ArrayList<>();
        List<String> lines = MATRIX.lines().filter(line -> !line.isBlank()).toList();
        List<String> roles = columns(lines.getFirst()).subList(3, 10);
        for (String line : lines.subList(1, lines.size())) {
            List<String> row = columns(line);
            String service = row.get(0) + "-service";
            String[] endpoint = row.get(1).split("\\s+", 2);
            for (int i = 0; i < roles.size(); i++) {
                String role = roles.get(i);
                String[] expected = row.get(3 + i).split("/");
                for (String site : List.of(OWN, OTHER)) {
                    int status = Integer.parseInt(site.equals(OWN) ? expected[0] : expected[expected.length - 1]);
                    String name = endpoint[0] + " " + row.get(0) + " " + endpoint[1] + " · " + role + " · "
                            + (site.equals(OWN) ? "own site" : "other site") + " → " + status;
                    cells.add(DynamicTest.dynamicTest(name, () -> {
                        Response response = call(service, endpoint[0], endpoint[1], row.get(2), role, site, status);
                        assertThat(response.statusCode()).as(name + ": " + response.asString()).isEqualTo(status);
                    }));
                }
            }
        }
        return cells.stream();
    }

    private static Response call(String service, String method, String template, String body, String role,
                                 String site, int expected) {
        SiteRecords at = records.get(site);
        boolean fresh = expected >= 200 && expected < 300;
        String path = resolve(template, at, fresh);
        RequestSpecification request = given().baseUri(platform.baseUrl(service));
        if (tokens.get(role) != null) {
            request = request.auth().oauth2(tokens.get(role));
        }
        if (!body.equals("-")) {
            request = request.contentType("application/json").body(body(body, at));
        } else if (method.equals("POST") || method.equals("PUT")) {
            request = request.contentType("application/json");
        }
        return request.request(method, path);
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    private static String resolve(String template, SiteRecords at, boolean fresh) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(path, Matcher.quoteReplacement(value(matcher.group(1), at, fresh)));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    private static String value(String name, SiteRecords at, boolean fresh) {
        ClinicFlows.Flow flow = at.flow();
        return switch (name) {
            case "site" -> at.site();
            case "case" -> flow.caseId();
            case "patient" -> flow.patientRef();
            case "session" -> flow.sessionId();
            case "appointment" -> flow.appointmentId();
            case "subscription" -> at.subscriptionId();
            case "delivery" -> at.deliveryId();
            case "therapist" -> flow.therapistRef();
            case "today" -> LocalDate.now(SITE_ZONE).toString();
            case "day" -> LocalDate.ofInstant(Instant.parse(flow.appointmentStart()), SITE_ZONE).toString();
            case "newCase" -> fresh ? flows.openCase(at.frontDesk(), at.site(), flow.patientRef()) : flow.caseId();
            case "newIntake" -> fresh ? flows.intake(at.frontDesk(), at.site()).caseId() : flow.caseId();
            case "newPlan" -> fresh ? withPlan(flows.intake(at.frontDesk(), at.site()).caseId()) : flow.caseId();
            case "newPatient" -> fresh ? flows.registerPatient(at.frontDesk(), at.site()) : flow.patientRef();
            case "newSession" -> fresh ? flows.openSession(at.therapist(), flow.caseId()) : flow.sessionId();
            case "newAppointment" -> fresh ? flows.wholeFlow(at.frontDesk(), at.therapist(), at.site()).appointmentId()
                    : flow.appointmentId();
            case "newSubscription" -> fresh ? subscribe(at.admin(), at.site()) : at.subscriptionId();
            default -> throw new IllegalArgumentException("unknown target {" + name + "}");
        };
    }

    private static String withPlan(String caseId) {
        flows.awaitPlan(caseId);
        return caseId;
    }

    private static String body(String name, SiteRecords at) {
        ObjectNode body = ClinicFlows.json("{}").deepCopy();
        switch (name) {
            case "intake" -> body = ClinicFlows.intakeRequest(at.site());
            case "patient" -> body = ClinicFlows.patientRequest(at.site());
            case "openCase" -> body.put("patientRef", at.flow().patientRef()).put("siteId", at.site());
            case "history" -> body.set("history", ClinicFlows.exampleHistory());
            case "amendment" -> body.put("supersedesVersion", 1).put("amendmentReason", "CORRECTION")
                    .set("history", ClinicFlows.exampleHistory());
            case "externalRef" -> body.put("system", "bookwise").put("patientId", "BW-1001");
            case "leadDecision" -> body.put("decision", "CONTINUE").put("reason", "Role matrix: recovery may come");
            case "review" -> {
                // Valid, for a case with no follow-up visit open: the site and role checks pass, the visit does not.
                body.put("visit", 2);
                body.putObject("scores").put("painNrs", 4);
                body.set("redFlags", ClinicFlows.exampleHistory().get("redFlags"));
                body.putObject("neurologicalChange").put("power", "UNCHANGED").put("sensation", "UNCHANGED")
                        .put("reflexes", "UNCHANGED");
            }
            case "override" -> body.put("target", "ORIGIN").put("origin", "UNDETERMINED")
                    .put("reason", "Role matrix: the lead finds no origin convincing");
            case "preview" -> body.put("ageYears", 44).set("history", ClinicFlows.exampleHistory());
            case "openSession" -> body.put("caseId", at.flow().caseId());
            case "notes" -> body.put("notes", "Role matrix note");
            case "explanation" -> {
                body.putArray("points").add("WHAT_WILL_HAPPEN").add("HOW_IT_WILL_HELP").add("ICE_AND_HEAT")
                        .add("POSSIBLE_DISCOMFORT").add("RIGHT_TO_STOP").add("ALTERNATIVES");
                body.put("questionsAnswered", true);
            }
            case "consent" -> body.put("decision", "GIVEN").put("method", "VERBAL");
            case "withdrawal" -> body.put("method", "VERBAL");
            case "pain" -> body.put("nrs", 5);
            case "step" -> {
                body.put("step", "PALPATION").put("outcome", "PERFORMED");
                body.putObject("parameters").putArray("sites").add("LUMBAR_SPINE");
            }
            case "advice" -> body.putArray("advice").add("SITTING_CUSHION");
            case "earlyEnd" -> body.put("reason", "PATIENT_UNWELL");
            case "sameTime" -> body.put("start", at.flow().appointmentStart());
            case "cancel" -> body.put("reason", "PATIENT_REQUEST");
            case "noShow" -> body.put("outcome", "NO_SHOW"); // the appointment has not started yet: refused, 409
            case "subscription" -> body = subscriptionBody(at.site());
            default -> throw new IllegalArgumentException("unknown body " + name);
        }
        return body.toString();
    }

    private static ObjectNode subscriptionBody(String site) {
        ObjectNode body = ClinicFlows.json("{}").deepCopy();
        body.put("siteId", site).put("url", webhookUrl).put("enabled", true).putArray("eventTypes")
                .add("appointment.scheduled").add("appointment.confirmed").add("appointment.rescheduled")
                .add("appointment.cancelled");
        return body;
    }

    private static List<String> columns(String line) {
        return List.of(line.split("\\|")).stream().map(String::trim).toList();
    }

    // ---- Lists only ever contain the caller's sites ----------------------------------------------------------------

    @Test
    void listsHoldOnlyTheCallersSites() {
        String frontDesk = tokens.get("front-desk");
        String therapist = tokens.get("therapist");
        String lead = tokens.get("clinical-lead");
        String booking = tokens.get("booking-system");
        String admin = tokens.get("admin");
        ClinicFlows.Flow north = records.get(OWN).flow();
        ClinicFlows.Flow south = records.get(OTHER).flow();
        String today = LocalDate.now(SITE_ZONE).toString();

        // Without a site named, every list draws from the caller's sites only; naming the other site gives nothing.
        assertOnlyNorth(get(therapist, "assessment-service", "/assessments?size=100").get("items"), north.caseId());
        assertOnlyNorth(get(therapist, "assessment-service", "/assessments?siteId=site-south").get("items"), null);
        assertOnlyNorth(get(lead, "session-service", "/sessions?day=" + today), north.caseId());
        assertOnlyNorth(get(lead, "session-service", "/sessions?siteId=site-south&day=" + today), null);
        assertOnlyNorth(get(therapist, "session-service", "/worklist"), null);
        assertOnlyNorth(get(therapist, "session-service", "/worklist?siteId=site-south"), null);
        assertOnlyNorth(get(frontDesk, "intake-service", "/sites/site-north/cases?size=100").get("items"),
                north.caseId());
        for (String caller : List.of(frontDesk, booking, admin)) {
            String day = LocalDate.ofInstant(Instant.parse(south.appointmentStart()), SITE_ZONE).toString();
            assertOnlyNorth(get(caller, "followup-service", "/appointments?siteId=site-south&day=" + day), null);
        }
        assertOnlyNorth(get(frontDesk, "followup-service", "/cases/" + south.caseId() + "/appointments"), null);
        assertOnlyNorth(get(frontDesk, "followup-service", "/tasks"), null);
        assertOnlyNorth(get(booking, "followup-service", "/webhooks/subscriptions"), null);
        assertOnlyNorth(get(admin, "followup-service", "/webhooks/subscriptions?siteId=site-south"), null);

        // FHIR search: only site-north appointments and schedules, whatever the query names.
        JsonNode appointments = get(booking, "followup-service", "/fhir/Appointment");
        assertThat(appointments.path("entry")).isNotEmpty();
        assertThat(appointments.toString()).contains(north.appointmentId()).doesNotContain(south.appointmentId())
                .doesNotContain("site-south");
        assertThat(get(booking, "followup-service", "/fhir/Appointment?location=Location/site-south")
                .path("entry")).isEmpty();
        JsonNode schedules = get(booking, "followup-service", "/fhir/Schedule");
        assertThat(schedules.path("entry")).isNotEmpty();
        assertThat(schedules.toString()).doesNotContain("site-south");
        assertThat(get(booking, "followup-service", "/fhir/Slot?schedule=Schedule/site-south."
                + south.therapistRef()).path("entry")).isEmpty();

        // iCalendar: another site's therapist has no events at the caller's sites.
        String feed = flows.as(booking, "followup-service").get("/calendars/therapists/" + south.therapistRef() + ".ics")
                .then().statusCode(200).extract().asString();
        assertThat(feed).doesNotContain("VEVENT").doesNotContain(south.appointmentId());
    }

    @Test
    void opsOfTheChainSeesCountsOfBothSitesAndNoClinicalRecord() {
        String ops = platform.tokenFor("ops.chain");
        for (String site : List.of(OWN, OTHER)) {
            JsonNode counts = get(ops, "intake-service", "/sites/" + site + "/case-counts");
            assertThat(counts.get("siteId").asText()).isEqualTo(site);
            assertThat(counts.get("total").asLong()).as(site).isPositive();
        }
        flows.as(ops, "intake-service").get("/sites/site-north/cases").then().statusCode(403);
        flows.as(ops, "intake-service").get("/sites/site-south/case-counts").then().statusCode(200);
        flows.as(tokens.get("ops"), "intake-service").get("/sites/site-south/case-counts").then().statusCode(404);
    }

    private static JsonNode get(String token, String service, String path) {
        return ClinicFlows.json(flows.as(token, service).get(path).then().statusCode(200).extract().asString());
    }

    /** Every row of the list is site-north's; {@code mustHold} (when given) is among them. */
    private static void assertOnlyNorth(JsonNode rows, String mustHold) {
        assertThat(rows.isArray()).as(rows.toString()).isTrue();
        rows.forEach(row -> assertThat(row.path("siteId").asText()).as(row.toString()).isEqualTo(OWN));
        if (mustHold != null) {
            assertThat(rows.toString()).contains(mustHold);
        }
    }

    // ---- No credentials or tokens in logs --------------------------------------------------------------------------

    @Test
    void noServiceLogHoldsATokenOrABearerHeader() throws IOException {
        // Every token goes through every service, allowed and refused, so that the logs had the chance to hold it.
        String ownCase = records.get(OWN).flow().caseId();
        String otherCase = records.get(OTHER).flow().caseId();
        for (String token : tokens.values()) {
            if (token == null) {
                continue;
            }
            for (String service : SERVICES) {
                for (String path : List.of("/audit?siteId=site-north", "/audit?siteId=site-south",
                        "/cases/" + ownCase, "/cases/" + otherCase)) {
                    flows.as(token, service).get(path);
                }
            }
        }
        Path logs = RepositoryLayoutLogs.directory();
        for (String service : SERVICES) {
            Path log = logs.resolve(service + ".log");
            assertThat(log).exists();
            String text = Files.readString(log);
            assertThat(text).as(log + " holds a bearer header").doesNotContain("Bearer ey");
            tokens.forEach((role, token) -> {
                if (token != null) {
                    assertThat(text).as(log + " holds the " + role + " token").doesNotContain(token);
                    // A token cut by a log line would still leak its signature.
                    assertThat(text).as(log + " holds the " + role + " token's signature")
                            .doesNotContain(token.substring(token.lastIndexOf('.') + 1));
                }
            });
        }
    }

    /** Where RunningPlatform writes the services' logs. */
    private static final class RepositoryLayoutLogs {
        static Path directory() {
            return care.sciatica.local.RepositoryLayout.root().resolve("system-tests/target/platform-logs");
        }
    }
}
