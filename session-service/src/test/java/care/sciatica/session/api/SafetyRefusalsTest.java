package care.sciatica.session.api;

import care.sciatica.contracts.EventType;
import care.sciatica.session.SessionTestResources;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static care.sciatica.session.api.SessionApi.consented;
import static care.sciatica.session.api.SessionApi.lumbarPlan;
import static care.sciatica.session.api.SessionApi.post;
import static care.sciatica.session.api.SessionApi.step;
import static care.sciatica.session.api.SessionApi.withStep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Each safety rule over REST: a problem+json naming the rule and the state, nothing stored, no event. */
@QuarkusTest
@SessionTestResources
@TestSecurity(user = "therapist.north", roles = "therapist")
@OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
class SafetyRefusalsTest {

    @Inject
    Pool pool;

    private SessionApi api;

    @BeforeEach
    void api() {
        api = new SessionApi(pool);
    }

    @Test
    void afterARefusalOfConsentNothingMoreIsRecordedAndTheSessionEndedEarlyGoesOut() {
        String caseId = api.planReady(lumbarPlan());
        String sessionId = SessionApi.open(caseId);
        post(sessionId, "consent", Map.of("decision", "REFUSED", "method", "VERBAL"))
                .statusCode(200).body("state", equalTo("REFUSED"));

        api.assertRefusedWithNothingStored(caseId, sessionId, () -> {
            refused(post(sessionId, "pain-before", Map.of("nrs", 5)), 409, "OPERATION_NOT_ALLOWED", "REFUSED");
            refused(step(sessionId, "PALPATION", Map.of("sites", List.of("LUMBAR_SPINE"))), 409,
                    "OPERATION_NOT_ALLOWED", "REFUSED");
        });
        JsonNode ended = api.event(caseId, EventType.SESSION_ENDED_EARLY);
        assertThat(ended.get("endState").asText()).isEqualTo("REFUSED");
        assertThat(ended.get("reason").asText()).isEqualTo("CONSENT_REFUSED");
        assertThat(ended.get("stepsPerformed")).isEmpty();
    }

    @Test
    void afterAWithdrawalNothingMoreIsRecordedAndTheSessionEndedEarlyGoesOut() {
        String caseId = api.planReady(lumbarPlan());
        String sessionId = consented(caseId);
        step(sessionId, "PALPATION", Map.of("sites", List.of("LUMBAR_SPINE"))).statusCode(200);
        post(sessionId, "consent-withdrawal", Map.of("method", "VERBAL")).statusCode(200)
                .body("state", equalTo("WITHDRAWN"));

        api.assertRefusedWithNothingStored(caseId, sessionId, () -> {
            refused(step(sessionId, "HEAT", Map.of("heatKind", "WHEAT_BAG", "regions", List.of("LUMBAR_SPINE"),
                    "heatAppliedAt", Instant.now().toString())), 409, "OPERATION_NOT_ALLOWED", "WITHDRAWN");
            refused(post(sessionId, "completion", null), 409, "OPERATION_NOT_ALLOWED", "WITHDRAWN");
        });
        JsonNode ended = api.event(caseId, EventType.SESSION_ENDED_EARLY);
        assertThat(ended.get("endState").asText()).isEqualTo("WITHDRAWN");
        assertThat(ended.get("reason").asText()).isEqualTo("CONSENT_WITHDRAWN");
        assertThat(ended.get("stepsPerformed").toString()).isEqualTo("[\"EXPLANATION_AND_CONSENT\",\"PALPATION\"]");
    }

    @Test
    void anIceOrHeatStepThePlanExcludedIsRefused() {
        String caseId = api.planReady(withStep(lumbarPlan(), "HEAT", "EXCLUDED", "Heat excluded: impaired sensation"));
        String sessionId = consented(caseId);

        api.assertRefusedWithNothingStored(caseId, sessionId, () -> {
            refused(step(sessionId, "ICE_MASSAGE", Map.of("sites", List.of("LEFT_SCIATIC_NOTCH"),
                    "iceCubesAtOnce", 1, "minutes", 5)), 422, "EXCLUDED_ICE_OR_HEAT", "the plan excluded ICE_MASSAGE");
            refused(step(sessionId, "HEAT", Map.of("heatKind", "WHEAT_BAG", "regions", List.of("LUMBAR_SPINE"),
                    "heatAppliedAt", Instant.now().toString())), 422, "EXCLUDED_ICE_OR_HEAT", "the plan excluded HEAT");
        });
    }

    @Test
    void theAffectedAreaAndSpineAreNotMassagedWhileHeatIsOn() {
        String caseId = api.planReady(lumbarPlan());
        String sessionId = consented(caseId);
        step(sessionId, "HEAT", Map.of("heatKind", "WHEAT_BAG", "regions", List.of("LUMBAR_SPINE"),
                "heatAppliedAt", Instant.now().toString())).statusCode(200);

        api.assertRefusedWithNothingStored(caseId, sessionId, () ->
                refused(step(sessionId, "MASSAGE_AREA_AND_SPINE", Map.of("regions", List.of("LUMBAR_SPINE"),
                        "pressure", "LIGHT", "technique", "EFFLEURAGE", "minutes", 5)), 422, "MASSAGE_UNDER_HEAT",
                        "has not been removed"));
    }

    @Test
    void aStepOutOfTheProtocolsOrderNeedsAReason() {
        String caseId = api.planReady(lumbarPlan());
        String sessionId = consented(caseId);
        step(sessionId, "LUMBAR_MOBILISATION", Map.of("regions", List.of("LUMBAR_SPINE"), "pressure", "LIGHT",
                "technique", "POSTERIOR_ANTERIOR_GLIDE", "minutes", 5)).statusCode(200);
        Map<String, Object> palpation = Map.of("sites", List.of("LUMBAR_SPINE"));

        api.assertRefusedWithNothingStored(caseId, sessionId, () ->
                refused(step(sessionId, "PALPATION", palpation), 422, "OUT_OF_ORDER", "LUMBAR_MOBILISATION"));
        post(sessionId, "steps", Map.of("step", "PALPATION", "outcome", "MODIFIED", "parameters", palpation,
                "deviationReason", "PATIENT_PREFERENCE")).statusCode(200).body("steps[1].outcome", equalTo("MODIFIED"));
    }

    @Test
    void anExcludedStepNeedsAClinicalLeadsOverrideThatATherapistCannotGive() {
        ObjectNode plan = withStep(lumbarPlan(), "HIP_TRACTION", "EXCLUDED", "Hip replacement recorded");
        String caseId = api.planReady(plan);
        String sessionId = consented(caseId);
        Map<String, Object> traction = Map.of("regions", List.of("LEFT_HIP"), "minutes", 5);

        api.assertRefusedWithNothingStored(caseId, sessionId, () -> {
            refused(step(sessionId, "HIP_TRACTION", traction), 422, "EXCLUDED_STEP_WITHOUT_OVERRIDE", "HIP_TRACTION");
            post(sessionId, "steps", Map.of("step", "HIP_TRACTION", "outcome", "MODIFIED", "parameters", traction,
                    "deviationReason", "CLINICAL_LEAD_OVERRIDE", "override", Map.of("reason", "Surgeon cleared it")))
                    .statusCode(403).contentType("application/problem+json")
                    .body("detail", containsString("clinical lead"));
        });
    }

    @Test
    void anOperationNotAllowedInTheStateIsRefusedNamingTheState() {
        String caseId = api.planReady(lumbarPlan());
        String sessionId = consented(caseId);

        api.assertRefusedWithNothingStored(caseId, sessionId, () -> {
            refused(post(sessionId, "pain-after", Map.of("nrs", 3)), 409, "OPERATION_NOT_ALLOWED", "CONSENTED");
            refused(post(sessionId, "heat-removal", null), 409, "OPERATION_NOT_ALLOWED", "CONSENTED");
            refused(post(sessionId, "completion", null), 409, "NOTHING_PERFORMED", "CONSENTED");
        });
    }

    private static void refused(ValidatableResponse response, int status, String rule, String detail) {
        response.statusCode(status).contentType("application/problem+json")
                .body("type", equalTo("https://sciatica.care/problems/session/" + rule))
                .body("status", equalTo(status))
                .body("detail", containsString(detail));
    }
}
