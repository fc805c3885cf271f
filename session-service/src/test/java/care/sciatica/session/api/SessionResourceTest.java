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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static care.sciatica.local.TopicReader.header;
import static care.sciatica.session.api.SessionApi.consented;
import static care.sciatica.session.api.SessionApi.lumbarPlan;
import static care.sciatica.session.api.SessionApi.open;
import static care.sciatica.session.api.SessionApi.post;
import static care.sciatica.session.api.SessionApi.step;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@SessionTestResources
@TestSecurity(user = "therapist.north", roles = "therapist")
@OidcSecurity(claims = {
        @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY),
        @Claim(key = "staff_ref", value = "st_8H3L5V2P")})
class SessionResourceTest {

    @Inject
    Pool pool;

    private final TopicReader kafka = TopicReader.ofTestBroker();
    private SessionApi api;

    @BeforeEach
    void api() {
        api = new SessionApi(pool);
    }

    @Test
    void aLumbarPlanIsWalkedToCompletionAndTheOutcomeGoesOutForTheFollowUp() throws IOException {
        String caseId = api.planReady(lumbarPlan());
        String sessionId = open(caseId);

        post(sessionId, "pain-before", Map.of("nrs", 6)).statusCode(200);
        post(sessionId, "explanation", Map.of("points", List.of("WHAT_WILL_HAPPEN", "HOW_IT_WILL_HELP",
                "ICE_AND_HEAT", "POSSIBLE_DISCOMFORT", "RIGHT_TO_STOP", "ALTERNATIVES"), "questionsAnswered", true))
                .statusCode(200);
        post(sessionId, "consent", Map.of("decision", "GIVEN", "method", "VERBAL"))
                .statusCode(200).body("state", equalTo("CONSENTED"));
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

        ConsumerRecord<String, String> completed = kafka.awaitMatching(Topics.SESSION_EVENTS,
                record -> caseId.equals(record.key())
                        && EventType.SESSION_COMPLETED.type().equals(header(record, CloudEventAttributes.TYPE)),
                1, java.time.Duration.ofSeconds(30)).getFirst();
        JsonNode outcome = EventJson.mapper().readTree(completed.value());
        assertThat(EventSchemas.violations(EventType.SESSION_COMPLETED, outcome)).isEmpty();
        assertThat(outcome.get("painBefore").asInt()).isEqualTo(6);
        assertThat(outcome.get("painAfter").asInt()).isEqualTo(3);
        assertThat(outcome.get("painChange").asInt()).isEqualTo(-3);
        assertThat(outcome.get("therapistRef").asText()).isEqualTo("st_8H3L5V2P");
        assertThat(outcome.get("stepsSkipped").findValuesAsText("step")).containsExactly("HIP_TRACTION");
        assertThat(completed.value()).doesNotContain("therapist.north");

        given().get("/sessions/" + sessionId).then().statusCode(200)
                .body("state", equalTo("COMPLETED"))
                .body("steps.step", hasItem("LUMBAR_MOBILISATION"));
    }

    @Test
    void aStepBeforeConsentIsRefusedAndNothingIsStoredOrSent() throws IOException {
        String caseId = api.planReady(lumbarPlan());
        String sessionId = open(caseId);
        post(sessionId, "pain-before", Map.of("nrs", 5)).statusCode(200);

        api.assertRefusedWithNothingStored(caseId, sessionId, () ->
                step(sessionId, "PALPATION", Map.of("sites", List.of("LUMBAR_SPINE")))
                        .statusCode(409).contentType("application/problem+json")
                        .body("type", containsString("CONSENT_REQUIRED"))
                        .body("detail", containsString("OPEN")));
        assertThat(api.stored(caseId, sessionId)).containsEntry("outbox", 0L);
    }

    @Test
    void moreThanTwoIceCubesAreRefusedEvenWhenThePlanIncludesIce() throws IOException {
        ObjectNode plan = lumbarPlan();
        for (JsonNode step : plan.get("steps")) {
            if (step.get("step").asText().equals("ICE_MASSAGE")) {
                ((ObjectNode) step).put("status", "INCLUDED").putArray("reasons");
                ((ObjectNode) step).putObject("parameters").put("maxIceCubes", 2).put("maxMinutes", 10);
            }
        }
        String caseId = api.planReady(plan);
        String sessionId = consented(caseId);
        step(sessionId, "PALPATION", Map.of("sites", List.of("LUMBAR_SPINE"))).statusCode(200);

        api.assertRefusedWithNothingStored(caseId, sessionId, () ->
                step(sessionId, "ICE_MASSAGE", Map.of("sites", List.of("LEFT_SCIATIC_NOTCH"), "iceCubesAtOnce", 3,
                        "minutes", 5))
                        .statusCode(422).contentType("application/problem+json")
                        .body("type", containsString("ICE_CUBE_LIMIT"))
                        .body("detail", containsString("two ice cubes")));
        step(sessionId, "ICE_MASSAGE", Map.of("sites", List.of("LEFT_SCIATIC_NOTCH"), "iceCubesAtOnce", 2,
                "minutes", 5)).statusCode(200);
    }

    @Test
    void aRepeatedSubmissionWithTheSameIdempotencyKeyIsStoredOnce() throws IOException {
        String sessionId = consented(api.planReady(lumbarPlan()));
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("step", "PALPATION", "outcome", "PERFORMED",
                "parameters", Map.of("sites", List.of("LUMBAR_SPINE")));

        given().contentType("application/json").header("Idempotency-Key", key).body(body)
                .post("/sessions/" + sessionId + "/steps").then().statusCode(200);
        given().contentType("application/json").header("Idempotency-Key", key).body(body)
                .post("/sessions/" + sessionId + "/steps").then().statusCode(200);

        given().get("/sessions/" + sessionId).then().statusCode(200).body("steps.size()", equalTo(1));
    }
}
