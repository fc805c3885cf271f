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
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static care.sciatica.session.api.SessionApi.consented;
import static care.sciatica.session.api.SessionApi.lumbarPlan;
import static care.sciatica.session.api.SessionApi.post;
import static care.sciatica.session.api.SessionApi.step;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/**
 * Over REST, the real broker and database: heat applied in the future is refused naming the field; heat left on too
 * long is flagged on the session and its timeline while the session still completes or ends early; a safety limit of
 * the plan is not lifted by a therapist's deviation reason, only by a clinical lead's audited override.
 */
@QuarkusTest
@SessionTestResources
@TestSecurity(user = "therapist.north", roles = "therapist")
@OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
class HeatAndSafetyLimitsTest {

    private static final String PROBLEMS = "https://sciatica.care/problems/session/";

    @Inject
    Pool pool;

    private SessionApi api;

    @BeforeEach
    void api() {
        api = new SessionApi(pool);
    }

    @Test
    void heatAppliedInTheFutureIsRefusedNamingTheFieldAndNothingIsStored() {
        String caseId = api.planReady(lumbarPlan());
        String sessionId = consented(caseId);

        api.assertRefusedWithNothingStored(caseId, sessionId, () ->
                step(sessionId, "HEAT", heat(Instant.now().plus(Duration.ofMinutes(30))))
                        .statusCode(422).contentType("application/problem+json")
                        .body("type", equalTo(PROBLEMS + "INVALID_INPUT"))
                        .body("errors.field", equalTo(List.of("parameters.heatAppliedAt")))
                        .body("errors[0].reason", containsString("is in the future")));
    }

    @Test
    void heatLeftOnTooLongIsFlaggedOnTheTimelineAndTheSessionStillCompletes() {
        String caseId = api.planReady(lumbarPlan());
        String sessionId = consented(caseId);
        step(sessionId, "PALPATION", Map.of("sites", List.of("LUMBAR_SPINE"))).statusCode(200);
        step(sessionId, "HEAT", heat(Instant.now().minus(Duration.ofMinutes(25)))).statusCode(200)
                .body("deviations", equalTo(List.of()));

        post(sessionId, "heat-removal", null).statusCode(200)
                .body("deviations[0].code", equalTo("HEAT_LEFT_ON_TOO_LONG"))
                .body("deviations[0].stepSequence", equalTo(2))
                .body("deviations[0].reason", startsWith("Heat was on for 25 minutes, the plan allows 20"));
        for (String rest : List.of("MASSAGE_LEG_UNDER_HEAT", "MASSAGE_AREA_AND_SPINE", "HIP_TRACTION",
                "LUMBAR_MOBILISATION")) {
            post(sessionId, "steps", Map.of("step", rest, "outcome", "SKIPPED", "deviationReason", "TIME"))
                    .statusCode(200);
        }
        post(sessionId, "pain-after", Map.of("nrs", 4)).statusCode(200);
        post(sessionId, "completion", null).statusCode(200).body("state", equalTo("COMPLETED"));

        given().get("/sessions/" + sessionId).then().statusCode(200)
                .body("timeline.kind", hasItem("DEVIATION"))
                .body("timeline.find { it.kind == 'DEVIATION' }.detail.code", equalTo("HEAT_LEFT_ON_TOO_LONG"))
                .body("timeline.find { it.kind == 'DEVIATION' }.detail.step", equalTo("HEAT"))
                .body("timeline.find { it.kind == 'DEVIATION' }.detail.reason",
                        startsWith("Heat was on for 25 minutes"))
                .body("timeline.find { it.kind == 'DEVIATION' }.recordedBy", equalTo("therapist.north"));
        assertThat(String.join("\n", api.audit(sessionId)))
                .contains("deviation=HEAT_LEFT_ON_TOO_LONG step=HEAT sequence=2");
        assertThat(api.event(caseId, EventType.SESSION_COMPLETED).get("stepsPerformed").toString())
                .contains("HEAT");
    }

    @Test
    void aSessionWithHeatStillOnCanEndEarlyAndTheOverrunIsFlagged() {
        String caseId = api.planReady(lumbarPlan());
        String sessionId = consented(caseId);
        step(sessionId, "HEAT", heat(Instant.now().minus(Duration.ofMinutes(45)))).statusCode(200);

        post(sessionId, "early-end", Map.of("reason", "PATIENT_UNWELL")).statusCode(200)
                .body("state", equalTo("ENDED_EARLY"))
                .body("deviations[0].reason", startsWith("Heat still on after 45 minutes when the session closed"));
        assertThat(api.event(caseId, EventType.SESSION_ENDED_EARLY).get("reason").asText())
                .isEqualTo("PATIENT_UNWELL");
    }

    @Test
    void aTherapistsDeviationReasonDoesNotLiftTheLightPressureOfAPatientOnAnticoagulants() {
        String caseId = api.planReady(onAnticoagulants());
        String sessionId = consented(caseId);

        api.assertRefusedWithNothingStored(caseId, sessionId, () -> {
            post(sessionId, "steps", firmerLegMassage("PATIENT_PREFERENCE", null))
                    .statusCode(422).contentType("application/problem+json")
                    .body("type", equalTo(PROBLEMS + "SAFETY_LIMIT_EXCEEDED"))
                    .body("detail", containsString("MODERATE pressure for MASSAGE_LEG_UNDER_HEAT, the plan allows LIGHT,"
                            + " set by MASSAGE_LIGHT_ANTICOAGULANTS; PATIENT_PREFERENCE does not lift it"))
                    .body("errors.field", equalTo(List.of("parameters.pressure")))
                    .body("errors[0].reason", containsString("(Light pressure only: anticoagulants recorded, no deep"
                            + " or forceful pressure)"));
            post(sessionId, "steps", firmerLegMassage("CLINICAL_LEAD_OVERRIDE", "INR 2.1 today"))
                    .statusCode(403).contentType("application/problem+json");
        });
        post(sessionId, "steps", Map.of("step", "MASSAGE_LEG_UNDER_HEAT", "outcome", "MODIFIED",
                "parameters", Map.of("regions", List.of("LEFT_CALF"), "pressure", "LIGHT", "technique", "EFFLEURAGE"),
                "deviationReason", "PATIENT_PREFERENCE")).statusCode(200);
    }

    @Test
    @TestSecurity(user = "lead.north", roles = "clinical-lead")
    @OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
    void aClinicalLeadsOverrideWithAReasonLiftsTheSafetyLimitAndIsAudited() {
        String caseId = api.planReady(onAnticoagulants());
        String sessionId = consented(caseId);

        post(sessionId, "steps", firmerLegMassage("CLINICAL_LEAD_OVERRIDE", "INR 2.1 today, OVR-7"))
                .statusCode(200)
                .body("steps[0].parameters.pressure", equalTo("MODERATE"))
                .body("steps[0].override.by", equalTo("lead.north"))
                .body("steps[0].override.reason", equalTo("INR 2.1 today, OVR-7"));

        JsonNode performed = api.event(caseId, EventType.STEP_PERFORMED);
        assertThat(performed.get("deviationReason").asText()).isEqualTo("CLINICAL_LEAD_OVERRIDE");
        assertThat(performed.toString()).doesNotContain("OVR-7");
        assertThat(String.join("\n", api.audit(sessionId)))
                .contains("lead.north session.steps step=MASSAGE_LEG_UNDER_HEAT")
                .contains("clinicalLeadOverride=true").doesNotContain("OVR-7");
    }

    /** The catalogue's lumbar plan with the leg massage limited to light pressure for anticoagulants. */
    private static ObjectNode onAnticoagulants() {
        ObjectNode plan = lumbarPlan();
        for (JsonNode planned : plan.get("steps")) {
            if (planned.get("step").asText().equals("MASSAGE_LEG_UNDER_HEAT")) {
                ObjectNode leg = (ObjectNode) planned;
                leg.put("status", "MODIFIED");
                ((ObjectNode) leg.get("parameters")).put("pressure", "LIGHT");
                leg.putArray("reasons").addObject().put("ruleId", "MASSAGE_LIGHT_ANTICOAGULANTS")
                        .put("finding", "conditions.anticoagulants")
                        .put("explanation", "Light pressure only: anticoagulants recorded, no deep or forceful pressure");
            }
        }
        return plan;
    }

    private static Map<String, Object> firmerLegMassage(String deviationReason, String overrideReason) {
        Map<String, Object> parameters = Map.of("regions", List.of("LEFT_CALF"), "pressure", "MODERATE",
                "technique", "EFFLEURAGE", "minutes", 5);
        return overrideReason == null
                ? Map.of("step", "MASSAGE_LEG_UNDER_HEAT", "outcome", "MODIFIED", "parameters", parameters,
                        "deviationReason", deviationReason)
                : Map.of("step", "MASSAGE_LEG_UNDER_HEAT", "outcome", "MODIFIED", "parameters", parameters,
                        "deviationReason", deviationReason, "override", Map.of("reason", overrideReason));
    }

    private static Map<String, Object> heat(Instant appliedAt) {
        return Map.of("heatKind", "WHEAT_BAG", "regions", List.of("LUMBAR_SPINE"), "heatAppliedAt", appliedAt.toString());
    }
}
