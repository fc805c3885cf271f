package care.sciatica.session.api;

import care.sciatica.contracts.CloudEventAttributes;
import care.sciatica.contracts.EventJson;
import care.sciatica.contracts.EventType;
import care.sciatica.contracts.Topics;
import care.sciatica.local.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static care.sciatica.local.TopicReader.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Drives the session API as the therapist app does, and reads what was stored and sent for one case at a time. */
final class SessionApi {

    private final Pool pool;
    private final TopicReader kafka = TopicReader.ofTestBroker();

    SessionApi(Pool pool) {
        this.pool = pool;
    }

    /** The catalogue's plan example (lumbar, ice excluded for Raynaud's), for a new case id. */
    static ObjectNode lumbarPlan() {
        ObjectNode plan = (ObjectNode) example(EventType.PLAN_ISSUED);
        plan.put("caseId", UUID.randomUUID().toString());
        return plan;
    }

    /** The plan with the step's status changed; an exclusion carries a reason, as the catalogue requires. */
    static ObjectNode withStep(ObjectNode plan, String step, String status, String why) {
        for (JsonNode planned : plan.get("steps")) {
            if (planned.get("step").asText().equals(step)) {
                ObjectNode edited = (ObjectNode) planned;
                edited.put("status", status);
                edited.putArray("reasons");
                if (!status.equals("INCLUDED")) {
                    edited.withArray("reasons").addObject().put("ruleId", step + "_" + status)
                            .put("finding", "test.plan").put("explanation", why);
                }
            }
        }
        return plan;
    }

    /** Sends the plan as the assessment would and waits until its version is on the worklist. */
    String planReady(ObjectNode plan) {
        return planReady(plan, EventType.PLAN_ISSUED);
    }

    /** Sends the plan as plan-issued v1 or v2 and waits until its version is on the worklist. */
    String planReady(ObjectNode plan, EventType type) {
        String caseId = plan.get("caseId").asText();
        kafka.send(TopicReader.cloudEvent(type, caseId, plan.get("siteId").asText(),
                UUID.randomUUID().toString(), plan.toString()));
        await().untilAsserted(() -> given().get("/worklist?siteId=site-north").then().statusCode(200)
                .body("findAll { it.caseId == '" + caseId + "' }.planVersion",
                        hasItem(plan.get("planVersion").asInt())));
        return caseId;
    }

    static String open(String caseId) {
        return given().contentType("application/json").body(Map.of("caseId", caseId))
                .post("/sessions").then().statusCode(201).body("state", equalTo("OPEN"))
                .extract().path("sessionId");
    }

    /** Opens a session, scores pain before, explains everything and records the patient's consent. */
    static String consented(String caseId) {
        String sessionId = open(caseId);
        post(sessionId, "pain-before", Map.of("nrs", 6)).statusCode(200);
        post(sessionId, "explanation", Map.of("points", List.of("WHAT_WILL_HAPPEN", "HOW_IT_WILL_HELP",
                "ICE_AND_HEAT", "POSSIBLE_DISCOMFORT", "RIGHT_TO_STOP"), "questionsAnswered", true)).statusCode(200);
        post(sessionId, "consent", Map.of("decision", "GIVEN", "method", "VERBAL")).statusCode(200)
                .body("state", equalTo("CONSENTED"));
        return sessionId;
    }

    static ValidatableResponse step(String sessionId, String step, Map<String, Object> parameters) {
        return post(sessionId, "steps", Map.of("step", step, "outcome", "PERFORMED", "parameters", parameters));
    }

    static ValidatableResponse post(String sessionId, String operation, Object body) {
        var request = given().contentType("application/json").header("Idempotency-Key", UUID.randomUUID().toString());
        if (body != null) {
            request = request.body(body);
        }
        return request.post("/sessions/" + sessionId + "/" + operation).then();
    }

    /** Everything stored or sent for the session: its snapshot, its timeline, its audit and the case's outbox. */
    Map<String, Object> stored(String caseId, String sessionId) {
        return Map.of(
                "snapshot", one("SELECT snapshot FROM treatment_session WHERE id = $1::uuid", sessionId).getString(0),
                "timeline", one("SELECT count(*) FROM session_entry WHERE session_id = $1::uuid", sessionId).getLong(0),
                "audit", one("SELECT count(*) FROM audit_entry WHERE subject_id = $1", sessionId).getLong(0),
                "outbox", one("SELECT count(*) FROM outbox WHERE message_key = $1", caseId).getLong(0));
    }

    /** Checks that the refusal left nothing behind: same snapshot, no timeline or audit entry, no event. */
    void assertRefusedWithNothingStored(String caseId, String sessionId, Runnable refused) {
        Map<String, Object> before = stored(caseId, sessionId);
        refused.run();
        assertThat(stored(caseId, sessionId)).isEqualTo(before);
    }

    /** The audit actions recorded for the session, oldest first, with their detail. */
    List<String> audit(String sessionId) {
        List<String> entries = new ArrayList<>();
        pool.preparedQuery("SELECT actor, action, detail FROM audit_entry WHERE subject_id = $1 ORDER BY id")
                .execute(Tuple.of(sessionId)).await().indefinitely()
                .forEach(row -> entries.add(row.getString(0) + " " + row.getString(1) + " " + row.getString(2)));
        return entries;
    }

    /** The case's event of the type, read from the real topic and parsed. */
    JsonNode event(String caseId, EventType type) {
        var record = kafka.awaitMatching(Topics.SESSION_EVENTS,
                candidate -> caseId.equals(candidate.key())
                        && type.type().equals(header(candidate, CloudEventAttributes.TYPE)),
                1, Duration.ofSeconds(30)).getFirst();
        assertThat(header(record, CloudEventAttributes.SUBJECT)).isEqualTo(caseId);
        try {
            return EventJson.mapper().readTree(record.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Row one(String sql, String id) {
        return pool.preparedQuery(sql).execute(Tuple.of(id)).await().indefinitely().iterator().next();
    }

    static JsonNode example(EventType type) {
        try (InputStream in = SessionApi.class.getClassLoader().getResourceAsStream(type.exampleResource())) {
            return EventJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
