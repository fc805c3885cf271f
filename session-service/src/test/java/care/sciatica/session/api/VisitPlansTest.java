package care.sciatica.session.api;

import care.sciatica.contracts.CloudEventAttributes;
import care.sciatica.contracts.EventJson;
import care.sciatica.contracts.EventSchemas;
import care.sciatica.contracts.EventType;
import care.sciatica.contracts.Topics;
import care.sciatica.local.TopicReader;
import care.sciatica.session.SessionTestResources;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static care.sciatica.local.TopicReader.header;
import static care.sciatica.session.api.SessionApi.consented;
import static care.sciatica.session.api.SessionApi.post;
import static care.sciatica.session.api.SessionApi.step;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The consumer reads plan-issued v2 beside v1: a v1 plan is the first visit's, a v2 plan opens the session of its
 * visit, and each session's outcome names the visit it treated.
 */
@QuarkusTest
@SessionTestResources
@TestSecurity(user = "therapist.north", roles = "therapist")
@OidcSecurity(claims = {
        @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY),
        @Claim(key = "staff_ref", value = "st_8H3L5V2P")})
class VisitPlansTest {

    @Inject
    Pool pool;

    private final TopicReader kafka = TopicReader.ofTestBroker();
    private SessionApi api;

    @BeforeEach
    void api() {
        api = new SessionApi(pool);
    }

    @Test
    void aV1PlanIsTheFirstVisitsAndAV2PlanOpensANewSessionForItsVisit() throws IOException {
        ObjectNode first = SessionApi.lumbarPlan();
        String caseId = api.planReady(first);
        given().get("/worklist?siteId=site-north").then().statusCode(200)
                .body("find { it.caseId == '" + caseId + "' }.visit", equalTo(1));
        String firstSession = consented(caseId);
        walkToCompletion(firstSession);

        JsonNode firstOutcome = completed(caseId, firstSession);
        assertThat(firstOutcome.get("visit").asInt()).isEqualTo(1);
        assertThat(firstOutcome.get("planVersion").asInt()).isEqualTo(1);

        ObjectNode second = visitTwoPlan(caseId);
        api.planReady(second, EventType.PLAN_ISSUED_V2);
        given().get("/worklist?siteId=site-north").then().statusCode(200)
                .body("find { it.caseId == '" + caseId + "' }.visit", equalTo(2));
        String secondSession = consented(caseId);
        assertThat(secondSession).isNotEqualTo(firstSession);
        given().get("/sessions/" + secondSession).then().statusCode(200)
                .body("visit", equalTo(2)).body("planVersion", equalTo(2)).body("state", equalTo("CONSENTED"));
        // The first visit's finished session is left as it was: the new visit's plan does not supersede it.
        given().get("/sessions/" + firstSession).then().statusCode(200)
                .body("visit", equalTo(1)).body("planVersion", equalTo(1)).body("state", equalTo("COMPLETED"));
        walkToCompletion(secondSession);

        JsonNode secondOutcome = completed(caseId, secondSession);
        assertThat(EventSchemas.violations(EventType.SESSION_COMPLETED, secondOutcome)).isEmpty();
        assertThat(secondOutcome.get("visit").asInt()).isEqualTo(2);
        assertThat(secondOutcome.get("planVersion").asInt()).isEqualTo(2);
        assertThat(secondOutcome.get("sessionId").asText()).isEqualTo(secondSession);
    }

    @Test
    void aSessionOfAVisitTwoPlanEndedEarlyNamesItsVisit() {
        String caseId = api.planReady(SessionApi.lumbarPlan());
        api.planReady(visitTwoPlan(caseId), EventType.PLAN_ISSUED_V2);
        String sessionId = SessionApi.open(caseId);
        post(sessionId, "consent", Map.of("decision", "REFUSED", "method", "VERBAL"))
                .statusCode(200).body("state", equalTo("REFUSED"));

        JsonNode ended = api.event(caseId, EventType.SESSION_ENDED_EARLY);
        assertThat(EventSchemas.violations(EventType.SESSION_ENDED_EARLY, ended)).isEmpty();
        assertThat(ended.get("visit").asInt()).isEqualTo(2);
        assertThat(ended.get("sessionId").asText()).isEqualTo(sessionId);
    }

    /** The catalogue's v2 example, as the case's second visit's plan. */
    private static ObjectNode visitTwoPlan(String caseId) {
        ObjectNode plan = (ObjectNode) SessionApi.example(EventType.PLAN_ISSUED_V2);
        plan.put("caseId", caseId);
        plan.put("planVersion", 2);
        plan.put("supersedesPlanVersion", 1);
        plan.put("visit", 2);
        assertThat(EventSchemas.violations(EventType.PLAN_ISSUED_V2, plan)).isEmpty();
        return plan;
    }

    /** The lumbar walk of the catalogue's example plan, from consent to completion. */
    private static void walkToCompletion(String sessionId) {
        step(sessionId, "PALPATION", Map.of("sites", List.of("LUMBAR_SPINE", "LEFT_SCIATIC_NOTCH"))).statusCode(200);
        step(sessionId, "HEAT", Map.of("heatKind", "WHEAT_BAG", "regions", List.of("LUMBAR_SPINE", "LEFT_GLUTEAL"),
                "heatAppliedAt", Instant.now().toString())).statusCode(200);
        step(sessionId, "MASSAGE_LEG_UNDER_HEAT", Map.of("regions", List.of("LEFT_POSTERIOR_THIGH"),
                "pressure", "MODERATE", "technique", "EFFLEURAGE", "minutes", 10)).statusCode(200);
        post(sessionId, "heat-removal", null).statusCode(200);
        step(sessionId, "MASSAGE_AREA_AND_SPINE", Map.of("regions", List.of("LUMBAR_SPINE", "LEFT_GLUTEAL"),
                "pressure", "MODERATE", "technique", "PETRISSAGE", "minutes", 10)).statusCode(200);
        post(sessionId, "steps", Map.of("step", "HIP_TRACTION", "outcome", "SKIPPED",
                "deviationReason", "PATIENT_PREFERENCE")).statusCode(200);
        step(sessionId, "LUMBAR_MOBILISATION", Map.of("regions", List.of("LUMBAR_SPINE"), "pressure", "LIGHT",
                "technique", "POSTERIOR_ANTERIOR_GLIDE", "minutes", 5)).statusCode(200);
        post(sessionId, "pain-after", Map.of("nrs", 3)).statusCode(200);
        post(sessionId, "advice", Map.of("advice", List.of("SITTING_CUSHION", "EXERCISE"))).statusCode(200);
        post(sessionId, "completion", null).statusCode(200).body("state", equalTo("COMPLETED"));
    }

    private JsonNode completed(String caseId, String sessionId) throws IOException {
        ConsumerRecord<String, String> record = kafka.awaitMatching(Topics.SESSION_EVENTS,
                candidate -> caseId.equals(candidate.key())
                        && EventType.SESSION_COMPLETED.type().equals(header(candidate, CloudEventAttributes.TYPE))
                        && candidate.value().contains(sessionId),
                1, Duration.ofSeconds(30)).getFirst();
        return EventJson.mapper().readTree(record.value());
    }
}
