package care.sciatica.assessment.api;

import care.sciatica.assessment.AssessmentTestResources;
import care.sciatica.contracts.CloudEventAttributes;
import care.sciatica.contracts.EventSchemas;
import care.sciatica.contracts.EventType;
import care.sciatica.contracts.Topics;
import care.sciatica.local.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static care.sciatica.local.TopicReader.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
@AssessmentTestResources
@TestSecurity(user = "lead.north", roles = "clinical-lead")
@OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
class OverrideTest {

    private static final String REASON = "Raynaud's affects the hands only; patient tolerated ice before";

    private final TopicReader kafka = TopicReader.ofTestBroker();

    @Test
    void anOverrideIssuesANewPlanVersionWithoutTheLeadsWordsInTheEventAndAuditsThem() {
        String caseId = TestCases.assessed(kafka, "site-north", TestCases.history());
        String key = UUID.randomUUID().toString();

        String assessmentId = override(caseId, key, includeIce(REASON))
                .then().statusCode(201)
                .body("planVersion", equalTo(2))
                .body("supersedesPlanVersion", equalTo(1))
                .body("status", equalTo("CURRENT"))
                .body("producedBy", equalTo("lead.north"))
                .body("reasoning.steps.find { it.step == 'ICE_MASSAGE' }.status", equalTo("INCLUDED"))
                .body("reasoning.steps.find { it.step == 'ICE_MASSAGE' }.reasons[0].ruleId",
                        equalTo("CLINICAL_LEAD_OVERRIDE"))
                .body("overrides[0].reason", equalTo(REASON))
                .body("overrides[0].step", equalTo("ICE_MASSAGE"))
                .extract().path("assessmentId");

        List<ConsumerRecord<String, String>> events = kafka.awaitKeyed(Topics.ASSESSMENT_EVENTS, caseId, 2);
        assertThat(events).hasSize(2);
        ConsumerRecord<String, String> issued = events.get(1);
        assertThat(header(issued, CloudEventAttributes.TYPE)).isEqualTo(EventType.PLAN_ISSUED.type());
        assertThat(header(issued, CloudEventAttributes.SUBJECT)).isEqualTo(caseId);
        JsonNode plan = TestCases.data(issued);
        assertThat(EventSchemas.violations(EventType.PLAN_ISSUED, plan)).isEmpty();
        assertThat(plan.get("assessmentId").asText()).isEqualTo(assessmentId);
        assertThat(plan.get("planVersion").asInt()).isEqualTo(2);
        assertThat(plan.get("supersedesPlanVersion").asInt()).isEqualTo(1);
        JsonNode ice = TestCases.step(plan, "ICE_MASSAGE");
        assertThat(ice.get("status").asText()).isEqualTo("INCLUDED");
        assertThat(ice.at("/reasons/0/explanation").asText())
                .isEqualTo("Changed by a clinical lead's override; reason recorded in the assessment service");
        assertThat(ice.get("cautions").findValuesAsText("ruleId")).contains("ICE_EXCLUDED_RAYNAUDS");
        assertThat(issued.value()).doesNotContain("tolerated ice before");

        given().queryParam("siteId", "site-north").queryParam("caseId", caseId).get("/audit")
                .then().statusCode(200)
                .body("action", hasItems("assessment.plan-issued", "assessment.overridden"))
                .body("find { it.action == 'assessment.overridden' }.actor", equalTo("lead.north"))
                .body("find { it.action == 'assessment.overridden' }.subjectId", equalTo(assessmentId))
                .body("find { it.action == 'assessment.overridden' }.detail", containsString("reason: " + REASON))
                .body("find { it.action == 'assessment.plan-issued' }.actor", equalTo("assessment-service.history"));

        // The same Idempotency-Key returns the first result and issues nothing new.
        override(caseId, key, includeIce(REASON)).then().statusCode(201).body("assessmentId", equalTo(assessmentId));
        given().get("/cases/" + caseId + "/assessment").then().statusCode(200)
                .body("assessmentId", equalTo(assessmentId)).body("planVersion", equalTo(2));
    }

    @Test
    void anAmendedHistoryReplaysTheOverride() {
        String caseId = TestCases.assessed(kafka, "site-north", TestCases.history());
        override(caseId, null, includeIce(REASON)).then().statusCode(201);
        kafka.awaitKeyed(Topics.ASSESSMENT_EVENTS, caseId, 2);

        kafka.send(TopicReader.cloudEvent(EventType.HISTORY_AMENDED, caseId, "site-north",
                UUID.randomUUID().toString(), TestCases.amendment(caseId, "site-north").toString()));

        JsonNode plan = TestCases.data(kafka.awaitKeyed(Topics.ASSESSMENT_EVENTS, caseId, 3).get(2));
        assertThat(plan.get("planVersion").asInt()).isEqualTo(3);
        assertThat(plan.get("basedOnHistoryVersion").asInt()).isEqualTo(2);
        assertThat(TestCases.step(plan, "ICE_MASSAGE").get("status").asText()).isEqualTo("INCLUDED");
        assertThat(TestCases.step(plan, "ICE_MASSAGE").get("reasons").findValuesAsText("ruleId"))
                .containsExactly("CLINICAL_LEAD_OVERRIDE");
    }

    @Test
    void aReferralIsNeverOverriddenIntoAPlan() {
        ObjectNode history = TestCases.history();
        ((ObjectNode) history.at("/history/redFlags")).put("saddleNumbness", "YES");
        String caseId = TestCases.assessed(kafka, "site-north", history);

        override(caseId, null, Map.of("target", "SUITABILITY", "decision", "TREAT", "reason", "I know this patient"))
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", containsString("override-refused"))
                .body("detail", containsString("referral"));
        given().get("/cases/" + caseId + "/assessment").then().statusCode(200).body("disposition", equalTo("REFERRAL"));
        given().queryParam("siteId", "site-north").queryParam("caseId", caseId).get("/audit")
                .then().statusCode(200).body("action", equalTo(List.of("assessment.referral-required")));
    }

    @Test
    void anOverrideWithoutAReasonOrWithThreeIceCubesIsRefusedNamingTheFields() {
        String caseId = TestCases.assessed(kafka, "site-north", TestCases.history());

        override(caseId, null, Map.of("target", "STEP", "step", "ICE_MASSAGE", "status", "INCLUDED",
                "parameters", Map.of("maxIceCubes", 3), "reason", " "))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("reason", "parameters.maxIceCubes"));
        override(caseId, null, Map.of("target", "ORIGIN", "reason", "Block positive"))
                .then().statusCode(400).body("errors.field", hasItem("origin"));
        given().get("/cases/" + caseId + "/assessment").then().body("planVersion", equalTo(1));
    }

    @Test
    void aNullRegionIsNamedNotAnInternalError() {
        String caseId = TestCases.assessed(kafka, "site-north", TestCases.history());
        java.util.List<Object> regions = new java.util.ArrayList<>();
        regions.add(null);
        java.util.Map<String, Object> parameters = new java.util.HashMap<>();
        parameters.put("regions", regions);

        override(caseId, null, Map.of("target", "STEP", "step", "ICE_MASSAGE", "status", "MODIFIED",
                "parameters", parameters, "reason", "Lead reviewed the case"))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("parameters.regions[0]"));
        given().get("/cases/" + caseId + "/assessment").then().body("planVersion", equalTo(1));
    }

    @Test
    void anEnumOrdinalIsNotADecision() {
        String caseId = TestCases.assessed(kafka, "site-north", TestCases.history());

        given().contentType(ContentType.JSON)
                .body("{\"target\":\"SUITABILITY\",\"decision\":0,\"reason\":\"Lead reviewed\"}")
                .post("/cases/" + caseId + "/assessment/overrides")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("decision"));
    }

    @Test
    @TestSecurity(user = "therapist.north", roles = "therapist")
    @OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
    void aTherapistMayNotOverride() {
        String caseId = TestCases.assessed(kafka, "site-north", TestCases.history());

        override(caseId, null, includeIce(REASON)).then().statusCode(403);
        given().get("/cases/" + caseId + "/assessment").then().statusCode(200).body("planVersion", equalTo(1));
    }

    @Test
    void anotherSitesCaseIsNotFound() {
        String caseId = TestCases.assessed(kafka, "site-south", TestCases.history());

        override(caseId, null, includeIce(REASON)).then().statusCode(404).contentType("application/problem+json");
    }

    private static Map<String, Object> includeIce(String reason) {
        return Map.of("target", "STEP", "step", "ICE_MASSAGE", "status", "INCLUDED", "reason", reason);
    }

    private static io.restassured.response.Response override(String caseId, String key, Map<String, Object> body) {
        RequestSpecification request = given().contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/cases/" + caseId + "/assessment/overrides");
    }
}
