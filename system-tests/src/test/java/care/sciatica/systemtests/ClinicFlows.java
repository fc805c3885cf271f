package care.sciatica.systemtests;

import care.sciatica.contracts.CloudEventAttributes;
import care.sciatica.contracts.EventJson;
import care.sciatica.contracts.EventType;
import care.sciatica.local.PostgresDatabases;
import care.sciatica.local.RepositoryLayout;
import care.sciatica.local.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static care.sciatica.local.TopicReader.header;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;

/**
 * The records the system tests need, made through the public API the way staff make them: an intake, its plan, a
 * completed session and the follow-up appointment it leads to (the walking skeleton's flow, for any site); a red-flag
 * case referred out; and, straight on the topic, an event that breaks its contract.
 */
final class ClinicFlows {

    static final Duration WAIT = Duration.ofSeconds(60);
    /** Where {@link #moveIntoThePast} puts appointments: from the start of the day before yesterday, an hour each. */
    private static final Instant PAST_DAY = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.DAYS);
    private static final AtomicInteger PAST_HOUR = new AtomicInteger();

    private final RunningPlatform platform;
    private final TopicReader topics;

    ClinicFlows(RunningPlatform platform, TopicReader topics) {
        this.platform = platform;
        this.topics = topics;
    }

    /** A case with its history recorded at the front desk. */
    record Intake(String caseId, String patientRef) {
    }

    /** A case taken all the way: plan, completed session, follow-up appointment. */
    record Flow(String caseId, String patientRef, String sessionId, String appointmentId, String therapistRef,
                String appointmentStart) {
    }

    Intake intake(String frontDeskToken, String siteId) {
        JsonNode recorded = json(as(frontDeskToken, "intake-service").contentType("application/json")
                .body(intakeRequest(siteId).toString()).post("/intakes")
                .then().statusCode(201).extract().asString());
        return new Intake(recorded.get("caseId").asText(), recorded.get("patientRef").asText());
    }

    String registerPatient(String frontDeskToken, String siteId) {
        return as(frontDeskToken, "intake-service").contentType("application/json")
                .body(patientRequest(siteId).toString()).post("/patients")
                .then().statusCode(201).extract().path("patientRef");
    }

    String openCase(String frontDeskToken, String siteId, String patientRef) {
        return as(frontDeskToken, "intake-service").contentType("application/json")
                .body(Map.of("patientRef", patientRef, "siteId", siteId)).post("/cases")
                .then().statusCode(201).extract().path("caseId");
    }

    /** The plan-issued event of the case (the assessment made of its history). */
    JsonNode awaitPlan(String caseId) {
        var record = topics.awaitMatching(EventType.PLAN_ISSUED.topic(), r -> caseId.equals(r.key())
                && EventType.PLAN_ISSUED.type().equals(header(r, CloudEventAttributes.TYPE)), 1, WAIT).getFirst();
        return json(record.value());
    }

    String openSession(String therapistToken, String caseId) {
        return as(therapistToken, "session-service").contentType("application/json")
                .body(Map.of("caseId", caseId)).post("/sessions")
                .then().statusCode(201).extract().path("sessionId");
    }

    /** Intake → plan → session completed → the follow-up appointment, at one site. */
    Flow wholeFlow(String frontDeskToken, String therapistToken, String siteId) {
        Intake intake = intake(frontDeskToken, siteId);
        JsonNode plan = awaitPlan(intake.caseId());
        await().atMost(WAIT).untilAsserted(() -> as(therapistToken, "session-service").get("/worklist")
                .then().statusCode(200).body("caseId", hasItem(intake.caseId())));
        String sessionId = openSession(therapistToken, intake.caseId());
        runSession(therapistToken, sessionId, plan);
        RequestSpecification followup = as(frontDeskToken, "followup-service");
        await().atMost(WAIT).untilAsserted(() -> as(frontDeskToken, "followup-service")
                .get("/cases/" + intake.caseId() + "/appointments").then().statusCode(200).body("$", not(empty())));
        JsonNode appointment = json(followup.get("/cases/" + intake.caseId() + "/appointments")
                .then().statusCode(200).extract().asString()).get(0);
        return new Flow(intake.caseId(), intake.patientRef(), sessionId, appointment.get("appointmentId").asText(),
                appointment.get("therapistRef").asText(), appointment.get("start").asText());
    }

    /** Consent, palpation performed, the rest skipped at the patient's wish, pain scored before and after. */
    void runSession(String token, String sessionId, JsonNode plan) {
        post(token, sessionId, "pain-before", Map.of("nrs", 6));
        explain(token, sessionId);
        post(token, sessionId, "consent", Map.of("decision", "GIVEN", "method", "VERBAL"));
        post(token, sessionId, "steps", Map.of("step", "PALPATION", "outcome", "PERFORMED",
                "parameters", Map.of("sites", List.of("LUMBAR_SPINE", "LEFT_SCIATIC_NOTCH"))));
        for (String step : skippedSteps(plan)) {
            post(token, sessionId, "steps", Map.of("step", step, "outcome", "SKIPPED",
                    "deviationReason", "PATIENT_PREFERENCE"));
        }
        post(token, sessionId, "pain-after", Map.of("nrs", 3));
        post(token, sessionId, "completion", null);
    }

    /** Everything the patient must hear before deciding, questions answered. */
    void explain(String token, String sessionId) {
        post(token, sessionId, "explanation", Map.of("points", List.of("WHAT_WILL_HAPPEN", "HOW_IT_WILL_HELP",
                "ICE_AND_HEAT", "POSSIBLE_DISCOMFORT", "RIGHT_TO_STOP", "ALTERNATIVES"), "questionsAnswered", true));
    }

    /** The plan's steps {@link #runSession} skips: all but the explanation, palpation and what the plan excluded. */
    static List<String> skippedSteps(JsonNode plan) {
        List<String> skipped = new ArrayList<>();
        for (JsonNode step : plan.get("steps")) {
            String name = step.get("step").asText();
            if (!List.of("EXPLANATION_AND_CONSENT", "PALPATION").contains(name)
                    && !"EXCLUDED".equals(step.get("status").asText())) {
                skipped.add(name);
            }
        }
        return skipped;
    }

    /**
     * The appointment's day comes, as a test cannot wait a week for it: its time is moved in the follow-up database (the
     * one write not made through an API) to an hour of the day before yesterday that no other appointment of this run
     * was moved to, so its therapist is never double-booked. Answers the new start.
     */
    Instant moveIntoThePast(String appointmentId) {
        Instant start = PAST_DAY.plus(Duration.ofHours(PAST_HOUR.getAndIncrement()));
        try (Connection db = PostgresDatabases.fromEnvironment().connect(platform.database("followup-service"));
             PreparedStatement move = db.prepareStatement("UPDATE appointment SET ends_at = ? + (ends_at - starts_at), "
                     + "starts_at = ? WHERE id = ?")) {
            move.setObject(1, OffsetDateTime.ofInstant(start, ZoneOffset.UTC));
            move.setObject(2, OffsetDateTime.ofInstant(start, ZoneOffset.UTC));
            move.setObject(3, UUID.fromString(appointmentId));
            if (move.executeUpdate() != 1) {
                throw new IllegalStateException("No appointment " + appointmentId + " to move");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot move appointment " + appointmentId, e);
        }
        return start;
    }

    /** The demo red-flag history (suspected cauda equina) for a new patient at site-south: referred out, no plan. */
    String referRedFlagCase(String frontDeskSouthToken) {
        JsonNode demo;
        try {
            demo = json(Files.readString(
                    RepositoryLayout.root().resolve("seeds/demo/intake-red-flag-south.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ObjectNode request = patientRequest("site-south");
        request.set("history", demo.get("history"));
        String caseId = as(frontDeskSouthToken, "intake-service").contentType("application/json")
                .body(request.toString()).post("/intakes").then().statusCode(201).extract().path("caseId");
        topics.awaitKeyed(EventType.REFERRAL_REQUIRED.topic(), caseId, 1);
        return caseId;
    }

    /** A history event whose data breaks the contract: the assessment service dead-letters it to assessment.dlq. */
    void sendUnreadableHistory() {
        String caseId = UUID.randomUUID().toString();
        topics.send(TopicReader.cloudEvent(EventType.HISTORY_RECORDED, caseId, "site-north",
                UUID.randomUUID().toString(), "{\"caseId\":\"" + caseId + "\"}"));
    }

    private void post(String token, String sessionId, String operation, Object body) {
        RequestSpecification request = as(token, "session-service").contentType("application/json");
        if (body != null) {
            request = request.body(body);
        }
        request.post("/sessions/" + sessionId + "/" + operation).then().statusCode(200);
    }

    RequestSpecification as(String token, String service) {
        return given().baseUri(platform.baseUrl(service)).auth().oauth2(token);
    }

    /** The history of the catalogue's example event: valid, no date in the future, ice excluded (Raynaud's). */
    static JsonNode exampleHistory() {
        try (InputStream in = ClinicFlows.class.getClassLoader()
                .getResourceAsStream(EventType.HISTORY_RECORDED.exampleResource())) {
            return EventJson.mapper().readTree(in).get("history");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode intakeRequest(String siteId) {
        ObjectNode request = patientRequest(siteId);
        request.set("history", exampleHistory());
        return request;
    }

    static ObjectNode patientRequest(String siteId) {
        ObjectNode request = EventJson.mapper().createObjectNode();
        request.put("siteId", siteId);
        request.putObject("patient").put("givenName", "Matrix").put("familyName", "Patient-" + UUID.randomUUID()
                        .toString().substring(0, 8))
                .put("birthDate", "1979-03-02").put("phone", "07700 900456").put("email", "matrix@example.org");
        return request;
    }

    static JsonNode json(String text) {
        try {
            return EventJson.mapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
