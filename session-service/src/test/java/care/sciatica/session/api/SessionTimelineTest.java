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

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static care.sciatica.session.api.SessionApi.consented;
import static care.sciatica.session.api.SessionApi.lumbarPlan;
import static care.sciatica.session.api.SessionApi.post;
import static care.sciatica.session.api.SessionApi.step;
import static care.sciatica.session.api.SessionApi.withStep;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Reading sessions back: timeline with who and when, notes, a site's day, plan versions and the lead's override. */
@QuarkusTest
@SessionTestResources
@TestSecurity(user = "therapist.north", roles = "therapist")
@OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
class SessionTimelineTest {

    @Inject
    Pool pool;

    private SessionApi api;

    @BeforeEach
    void api() {
        api = new SessionApi(pool);
    }

    @Test
    void theTimelineListsEveryRecordInOrderWithWhoRecordedItAndTheAuditHoldsCodesOnly() {
        String sessionId = consented(api.planReady(lumbarPlan()));
        step(sessionId, "HEAT", Map.of("heatKind", "WHEAT_BAG", "regions", List.of("LUMBAR_SPINE"),
                "heatAppliedAt", Instant.now().toString())).statusCode(200);
        post(sessionId, "heat-removal", null).statusCode(200);
        post(sessionId, "advice", Map.of("advice", List.of("SITTING_CUSHION"))).statusCode(200);
        post(sessionId, "early-end", Map.of("reason", "PATIENT_UNWELL")).statusCode(200);
        String notes = "Felt dizzy after the heat, SECRET-" + sessionId;
        given().contentType("application/json").body(Map.of("notes", notes))
                .put("/sessions/" + sessionId + "/notes").then().statusCode(200)
                .body("updatedBy", equalTo("therapist.north"));

        given().get("/sessions/" + sessionId).then().statusCode(200)
                .body("state", equalTo("ENDED_EARLY"))
                .body("notes.notes", equalTo(notes))
                .body("timeline.kind", contains("OPENED", "PAIN_BEFORE", "EXPLANATION", "CONSENT", "STEP",
                        "HEAT_REMOVAL", "ADVICE", "ENDED"))
                .body("timeline.position", contains(1, 2, 3, 4, 5, 6, 7, 8))
                .body("timeline.recordedBy", everyItem(equalTo("therapist.north")))
                .body("timeline[0].detail.planVersion", equalTo(1))
                .body("timeline[1].detail.nrs", equalTo(6))
                .body("timeline[3].detail.decision", equalTo("GIVEN"))
                .body("timeline[4].detail.step", equalTo("HEAT"))
                .body("timeline[4].detail.parameters.heatKind", equalTo("WHEAT_BAG"))
                .body("timeline[5].detail.heatSteps", contains(1))
                .body("timeline[7].detail.reason", equalTo("PATIENT_UNWELL"));

        List<String> audit = api.audit(sessionId);
        assertThat(audit).extracting(entry -> entry.split(" ")[1]).containsExactly("session.open",
                "session.pain-before", "session.explanation", "session.consent", "session.steps",
                "session.heat-removal", "session.advice", "session.early-end", "session.notes");
        assertThat(audit).allMatch(entry -> entry.startsWith("therapist.north "));
        assertThat(audit.get(4)).contains("step=HEAT").contains("outcome=PERFORMED");
        assertThat(String.join("\n", audit)).doesNotContain("SECRET-").doesNotContain("dizzy");
    }

    @Test
    void notesAreSizeLimitedAndNothingIsWrittenWhenTooLong() {
        String caseId = api.planReady(lumbarPlan());
        String sessionId = SessionApi.open(caseId);
        api.assertRefusedWithNothingStored(caseId, sessionId, () ->
                given().contentType("application/json").body(Map.of("notes", "x".repeat(4001)))
                        .put("/sessions/" + sessionId + "/notes").then().statusCode(400)
                        .contentType("application/problem+json").body("errors.field", hasItem(equalTo("notes"))));
        given().get("/sessions/" + sessionId).then().statusCode(200).body("notes.notes", equalTo(null));
    }

    @Test
    void aSitesSessionsAreListedForADayOnlyForTheCallersSites() {
        String sessionId = SessionApi.open(api.planReady(lumbarPlan()));
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));

        given().get("/sessions?siteId=site-north&day=" + today).then().statusCode(200)
                .body("sessionId", hasItem(sessionId))
                .body("find { it.sessionId == '" + sessionId + "' }.state", equalTo("OPEN"));
        given().get("/sessions?day=" + today).then().statusCode(200).body("sessionId", hasItem(sessionId));
        given().get("/sessions?siteId=site-north&day=" + today.minusDays(1)).then().statusCode(200)
                .body("sessionId", not(hasItem(sessionId)));
        given().get("/sessions?siteId=site-south&day=" + today).then().statusCode(200).body("size()", equalTo(0));
        given().get("/sessions?siteId=site-north&day=31-12-2026").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("day"));
        given().get("/sessions/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aLaterPlanVersionAppliesOnlyToSessionsOpenedAfterIt() {
        ObjectNode v1 = lumbarPlan();
        String caseId = api.planReady(v1);
        String first = consented(caseId);

        ObjectNode v2 = withStep(v1.deepCopy(), "HIP_TRACTION", "EXCLUDED", "Hip replacement recorded");
        v2.put("planVersion", 2);
        api.planReady(v2);
        String second = consented(caseId);

        Map<String, Object> traction = Map.of("regions", List.of("LEFT_HIP"), "minutes", 5);
        step(first, "HIP_TRACTION", traction).statusCode(200).body("planVersion", equalTo(1));
        api.assertRefusedWithNothingStored(caseId, second, () -> step(second, "HIP_TRACTION", traction)
                .statusCode(422).body("type", org.hamcrest.Matchers.endsWith("EXCLUDED_STEP_WITHOUT_OVERRIDE")));
        given().get("/sessions/" + second).then().statusCode(200).body("planVersion", equalTo(2))
                .body("timeline[0].detail.planVersion", equalTo(2));
        given().get("/sessions/" + first).then().statusCode(200).body("planVersion", equalTo(1));
    }

    @Test
    @TestSecurity(user = "lead.north", roles = "clinical-lead")
    @OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
    void aClinicalLeadsOverrideAllowsAnExcludedStepAndItsReasonStaysInTheService() {
        String caseId = api.planReady(withStep(lumbarPlan(), "HIP_TRACTION", "EXCLUDED", "Hip replacement recorded"));
        String sessionId = consented(caseId);

        post(sessionId, "steps", Map.of("step", "HIP_TRACTION", "outcome", "MODIFIED",
                "parameters", Map.of("regions", List.of("LEFT_HIP"), "minutes", 3),
                "deviationReason", "CLINICAL_LEAD_OVERRIDE", "override", Map.of("reason", "Surgeon cleared it, OVR-1")))
                .statusCode(200).body("steps[0].override.by", equalTo("lead.north"));

        given().get("/sessions/" + sessionId).then().statusCode(200)
                .body("timeline[4].detail.overriddenBy", equalTo("lead.north"))
                .body("timeline[4].detail.overrideReason", equalTo("Surgeon cleared it, OVR-1"));
        JsonNode performed = api.event(caseId, EventType.STEP_PERFORMED);
        assertThat(performed.get("step").asText()).isEqualTo("HIP_TRACTION");
        assertThat(performed.get("deviationReason").asText()).isEqualTo("CLINICAL_LEAD_OVERRIDE");
        assertThat(performed.toString()).doesNotContain("OVR-1");
        assertThat(String.join("\n", api.audit(sessionId)))
                .contains("clinicalLeadOverride=true").doesNotContain("OVR-1");
    }
}
