package care.sciatica.systemtests;

import care.sciatica.contracts.CloudEventAttributes;
import care.sciatica.contracts.EventJson;
import care.sciatica.contracts.EventSchemas;
import care.sciatica.contracts.EventType;
import care.sciatica.local.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static care.sciatica.local.TopicReader.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/**
 * One case the whole way, against the packaged services, the real broker, database and Keycloak: an intake over HTTP,
 * the plan the assessment makes of it, a session completed over HTTP, and the follow-up appointment — checking the
 * content of every event on the topics.
 */
class WalkingSkeletonIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static RunningPlatform platform;
    private static TopicReader topics;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.shared();
        topics = new TopicReader(platform.bootstrapServers());
    }

    @AfterAll
    static void closeTopics() {
        if (topics != null) {
            topics.close();
        }
    }

    @Test
    void aCaseGoesFromIntakeToAFollowUpAppointment() throws IOException {
        String frontDesk = platform.tokenFor("frontdesk.north");
        String therapist = platform.tokenFor("therapist.north");

        // Intake: the front desk records the first visit.
        JsonNode intake = EventJson.mapper().readTree(as(frontDesk, "intake-service").contentType("application/json")
                .body(intakeRequest().toString()).post("/intakes")
                .then().statusCode(201).extract().asString());
        String caseId = intake.get("caseId").asText();
        String patientRef = intake.get("patientRef").asText();

        JsonNode history = awaitEvent(EventType.HISTORY_RECORDED, caseId, "intake-service");
        assertThat(history.get("patientRef").asText()).isEqualTo(patientRef);
        assertThat(history.get("historyVersion").asInt()).isEqualTo(1);
        assertThat(history.at("/history/conditions/raynauds").asBoolean()).isTrue();
        assertThat(history.toString()).doesNotContain("Maren", "Holt", "1981-06-14", "maren.holt@example.org");

        // Assessment: a plan, with ice excluded for Raynaud's.
        JsonNode plan = awaitEvent(EventType.PLAN_ISSUED, caseId, "assessment-service");
        assertThat(plan.get("planVersion").asInt()).isEqualTo(1);
        assertThat(plan.get("patientRef").asText()).isEqualTo(patientRef);
        assertThat(stepStatus(plan, "ICE_MASSAGE")).isEqualTo("EXCLUDED");

        // Session: the therapist finds the case on the worklist and runs the session.
        await().atMost(WAIT).untilAsserted(() -> as(therapist, "session-service").get("/worklist")
                .then().statusCode(200).body("caseId", hasItem(caseId)));
        String sessionId = as(therapist, "session-service").contentType("application/json")
                .body(Map.of("caseId", caseId)).post("/sessions")
                .then().statusCode(201).extract().path("sessionId");
        runSession(therapist, sessionId, plan);

        JsonNode consent = awaitEvent(EventType.CONSENT_RECORDED, caseId, "session-service");
        assertThat(consent.get("decision").asText()).isEqualTo("GIVEN");
        JsonNode palpation = awaitEvent(EventType.STEP_PERFORMED, caseId, "session-service");
        assertThat(palpation.get("step").asText()).isEqualTo("PALPATION");
        JsonNode completed = awaitEvent(EventType.SESSION_COMPLETED, caseId, "session-service");
        assertThat(completed.get("sessionId").asText()).isEqualTo(sessionId);
        assertThat(completed.get("painChange").asInt()).isEqualTo(-3);
        assertThat(completed.get("therapistRef").asText()).isEqualTo("st_8H3L5V2P");

        // Follow-up: the first free slot, with the same therapist, stored and announced.
        JsonNode scheduled = awaitEvent(EventType.APPOINTMENT_SCHEDULED, caseId, "followup-service");
        assertThat(scheduled.get("reason").asText()).isEqualTo("ROUTINE_INTERVAL");
        assertThat(scheduled.get("therapistRef").asText()).isEqualTo("st_8H3L5V2P");
        assertThat(scheduled.get("patientRef").asText()).isEqualTo(patientRef);
        as(frontDesk, "followup-service").get("/cases/" + caseId + "/appointments")
                .then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].appointmentId", equalTo(scheduled.get("appointmentId").asText()));
    }

    @Test
    void everyServiceRefusesACallWithoutAToken() {
        for (String service : List.of("intake-service", "assessment-service", "session-service", "followup-service")) {
            given().baseUri(platform.baseUrl(service)).get("/cases/00000000-0000-0000-0000-000000000000")
                    .then().statusCode(401);
            given().baseUri(platform.baseUrl(service)).get("/q/health/ready").then().statusCode(200);
        }
    }

    /** Consent, one step performed, the rest skipped at the patient's wish, pain scored before and after. */
    private static void runSession(String token, String sessionId, JsonNode plan) {
        post(token, sessionId, "pain-before", Map.of("nrs", 6));
        post(token, sessionId, "explanation", Map.of("points", List.of("WHAT_WILL_HAPPEN", "HOW_IT_WILL_HELP",
                "ICE_AND_HEAT", "POSSIBLE_DISCOMFORT", "RIGHT_TO_STOP", "ALTERNATIVES"), "questionsAnswered", true));
        post(token, sessionId, "consent", Map.of("decision", "GIVEN", "method", "VERBAL"));
        for (JsonNode step : plan.get("steps")) {
            String name = step.get("step").asText();
            if (Set.of("EXPLANATION_AND_CONSENT").contains(name) || "EXCLUDED".equals(step.get("status").asText())) {
                continue;
            }
            post(token, sessionId, "steps", name.equals("PALPATION")
                    ? Map.of("step", name, "outcome", "PERFORMED",
                            "parameters", Map.of("sites", List.of("LUMBAR_SPINE", "LEFT_SCIATIC_NOTCH")))
                    : Map.of("step", name, "outcome", "SKIPPED", "deviationReason", "PATIENT_PREFERENCE"));
        }
        post(token, sessionId, "pain-after", Map.of("nrs", 3));
        post(token, sessionId, "completion", null);
    }

    private static void post(String token, String sessionId, String operation, Object body) {
        RequestSpecification request = as(token, "session-service").contentType("application/json");
        if (body != null) {
            request = request.body(body);
        }
        request.post("/sessions/" + sessionId + "/" + operation).then().statusCode(200);
    }

    /** Waits for the case's event of this type and checks its envelope: type, key, subject, source and contract. */
    private static JsonNode awaitEvent(EventType type, String caseId, String service) throws IOException {
        ConsumerRecord<String, String> record = topics.awaitMatching(type.topic(),
                r -> caseId.equals(r.key()) && type.type().equals(header(r, CloudEventAttributes.TYPE)), 1, WAIT)
                .getFirst();
        assertThat(header(record, CloudEventAttributes.SUBJECT)).isEqualTo(caseId);
        assertThat(header(record, CloudEventAttributes.SOURCE)).isEqualTo("/sites/site-north/" + service);
        assertThat(header(record, CloudEventAttributes.SPECVERSION)).isEqualTo("1.0");
        JsonNode data = EventJson.mapper().readTree(record.value());
        assertThat(EventSchemas.violations(type, data)).isEmpty();
        assertThat(data.get("caseId").asText()).isEqualTo(caseId);
        assertThat(data.get("siteId").asText()).isEqualTo("site-north");
        return data;
    }

    private static String stepStatus(JsonNode plan, String step) {
        for (JsonNode planned : plan.get("steps")) {
            if (planned.get("step").asText().equals(step)) {
                return planned.get("status").asText();
            }
        }
        throw new AssertionError("no " + step + " in " + plan);
    }

    private static RequestSpecification as(String token, String service) {
        return given().baseUri(platform.baseUrl(service)).auth().oauth2(token);
    }

    private static ObjectNode intakeRequest() throws IOException {
        ObjectNode request = EventJson.mapper().createObjectNode();
        request.put("siteId", "site-north");
        request.putObject("patient").put("givenName", "Maren").put("familyName", "Holt")
                .put("birthDate", "1981-06-14").put("phone", "07700 900123").put("email", "maren.holt@example.org");
        try (InputStream in = WalkingSkeletonIT.class.getClassLoader()
                .getResourceAsStream(EventType.HISTORY_RECORDED.exampleResource())) {
            request.set("history", EventJson.mapper().readTree(in).get("history"));
        }
        return request;
    }
}
