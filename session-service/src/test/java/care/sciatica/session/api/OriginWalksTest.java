package care.sciatica.session.api;

import care.sciatica.contracts.EventSchemas;
import care.sciatica.contracts.EventType;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static care.sciatica.session.api.SessionApi.consented;
import static care.sciatica.session.api.SessionApi.post;
import static care.sciatica.session.api.SessionApi.step;
import static care.sciatica.session.api.SessionApi.withStep;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** A full session for the sacroiliac and the piriformis plans (the lumbar walk is in SessionResourceTest). */
@QuarkusTest
@SessionTestResources
@TestSecurity(user = "therapist.north", roles = "therapist")
@OidcSecurity(claims = {
        @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY),
        @Claim(key = "staff_ref", value = "st_8H3L5V2P")})
class OriginWalksTest {

    @Inject
    Pool pool;

    private SessionApi api;

    @BeforeEach
    void api() {
        api = new SessionApi(pool);
    }

    @Test
    void aSacroiliacPlanIsWalkedWithSijMobilisationAndTheOutcomeGoesOut() {
        ObjectNode plan = withStep(withStep(SessionApi.lumbarPlan(), "SIJ_MOBILISATION", "INCLUDED", null),
                "LUMBAR_MOBILISATION", "EXCLUDED", "Sacroiliac origin: the lumbar spine is not mobilised");
        ((ObjectNode) plan.get("origin")).put("primary", "SACROILIAC");
        String caseId = api.planReady(plan);
        String sessionId = consented(caseId);

        step(sessionId, "PALPATION", Map.of("sites", List.of("LEFT_SIJ", "LEFT_GLUTEAL"))).statusCode(200);
        heatAndMassage(sessionId, List.of("LEFT_SIJ", "LEFT_GLUTEAL"), "SUSTAINED_PRESSURE");
        post(sessionId, "steps", Map.of("step", "HIP_TRACTION", "outcome", "SKIPPED", "deviationReason", "TIME"))
                .statusCode(200);
        step(sessionId, "SIJ_MOBILISATION", Map.of("regions", List.of("LEFT_SIJ"), "pressure", "LIGHT",
                "technique", "SIJ_GAPPING", "minutes", 5)).statusCode(200);
        finish(sessionId, 2, List.of("EXERCISE", "ACTIVITY_MODIFICATION"));

        JsonNode completed = api.event(caseId, EventType.SESSION_COMPLETED);
        assertThat(EventSchemas.violations(EventType.SESSION_COMPLETED, completed)).isEmpty();
        assertThat(completed.get("primaryOrigin").asText()).isEqualTo("SACROILIAC");
        assertThat(completed.get("sessionId").asText()).isEqualTo(sessionId);
        assertThat(completed.get("painBefore").asInt()).isEqualTo(6);
        assertThat(completed.get("painAfter").asInt()).isEqualTo(2);
        assertThat(completed.get("painChange").asInt()).isEqualTo(-4);
        assertThat(completed.get("therapistRef").asText()).isEqualTo("st_8H3L5V2P");
        assertThat(texts(completed.get("stepsPerformed"))).containsExactly("EXPLANATION_AND_CONSENT", "PALPATION",
                "HEAT", "MASSAGE_LEG_UNDER_HEAT", "MASSAGE_AREA_AND_SPINE", "SIJ_MOBILISATION");
        assertThat(completed.get("stepsSkipped").toString())
                .isEqualTo("[{\"step\":\"HIP_TRACTION\",\"reason\":\"TIME\"}]");
        assertThat(texts(completed.get("adviceGiven"))).containsExactly("EXERCISE", "ACTIVITY_MODIFICATION");
    }

    @Test
    void aPiriformisPlanIsWalkedWithoutTheHipTractionItExcludedAndNoNotesGoOut() {
        ObjectNode plan = withStep(SessionApi.lumbarPlan(), "HIP_TRACTION", "EXCLUDED",
                "Hip traction excluded: hip replacement (posterior approach) recorded");
        withStep(plan, "LUMBAR_MOBILISATION", "EXCLUDED", "Piriformis origin: the lumbar spine is not mobilised");
        ((ObjectNode) plan.get("origin")).put("primary", "PIRIFORMIS_DEEP_GLUTEAL");
        String caseId = api.planReady(plan);
        String sessionId = consented(caseId);
        String notes = "Patient mentions sitting at a desk all day; NOTE-" + sessionId;
        given().contentType("application/json").body(Map.of("notes", notes))
                .put("/sessions/" + sessionId + "/notes").then().statusCode(200).body("notes", equalTo(notes));

        step(sessionId, "PALPATION", Map.of("sites", List.of("LEFT_GLUTEAL", "LEFT_SCIATIC_NOTCH"))).statusCode(200);
        heatAndMassage(sessionId, List.of("LEFT_GLUTEAL"), "SUSTAINED_PRESSURE");
        api.assertRefusedWithNothingStored(caseId, sessionId, () ->
                step(sessionId, "HIP_TRACTION", Map.of("regions", List.of("LEFT_HIP"), "minutes", 5))
                        .statusCode(422).contentType("application/problem+json")
                        .body("type", containsString("EXCLUDED_STEP_WITHOUT_OVERRIDE")));
        finish(sessionId, 4, List.of("SITTING_CUSHION", "EXERCISE"));

        JsonNode completed = api.event(caseId, EventType.SESSION_COMPLETED);
        assertThat(EventSchemas.violations(EventType.SESSION_COMPLETED, completed)).isEmpty();
        assertThat(completed.get("primaryOrigin").asText()).isEqualTo("PIRIFORMIS_DEEP_GLUTEAL");
        assertThat(completed.get("painChange").asInt()).isEqualTo(-2);
        assertThat(texts(completed.get("stepsPerformed"))).containsExactly("EXPLANATION_AND_CONSENT", "PALPATION",
                "HEAT", "MASSAGE_LEG_UNDER_HEAT", "MASSAGE_AREA_AND_SPINE");
        assertThat(completed.get("stepsSkipped")).isEmpty();
        assertThat(texts(completed.get("adviceGiven"))).containsExactly("SITTING_CUSHION", "EXERCISE");
        assertThat(completed.toString()).doesNotContain("NOTE-").doesNotContain("desk");
        assertThat(String.join("\n", api.audit(sessionId))).doesNotContain("NOTE-").contains("session.notes");
    }

    /** Heat on, the leg massaged under it, heat off, then the affected area and the spine. */
    private static void heatAndMassage(String sessionId, List<String> area, String technique) {
        step(sessionId, "HEAT", Map.of("heatKind", "WHEAT_BAG", "regions", area,
                "heatAppliedAt", Instant.now().toString())).statusCode(200);
        step(sessionId, "MASSAGE_LEG_UNDER_HEAT", Map.of("regions", List.of("LEFT_POSTERIOR_THIGH"),
                "pressure", "MODERATE", "technique", "EFFLEURAGE", "minutes", 10)).statusCode(200);
        post(sessionId, "heat-removal", null).statusCode(200);
        step(sessionId, "MASSAGE_AREA_AND_SPINE", Map.of("regions", area, "pressure", "MODERATE",
                "technique", technique, "minutes", 10)).statusCode(200);
    }

    private static void finish(String sessionId, int painAfter, List<String> advice) {
        post(sessionId, "pain-after", Map.of("nrs", painAfter)).statusCode(200);
        post(sessionId, "advice", Map.of("advice", advice)).statusCode(200);
        post(sessionId, "completion", null).statusCode(200).body("state", equalTo("COMPLETED"));
    }

    private static List<String> texts(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
