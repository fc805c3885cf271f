package care.sciatica.assessment.api;

import care.sciatica.assessment.AssessmentTestResources;
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
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Over the real broker and database: what is observed on arrival counts (a patient carried in gets a modified plan
 * whose reasons show in the published plan and the assessment view), and a fraction for a whole number is refused in
 * the preview and override bodies, naming the field, never rounded.
 */
@QuarkusTest
@AssessmentTestResources
@TestSecurity(user = "lead.north", roles = "clinical-lead")
@OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
class ObservationAndExactNumbersTest {

    private final TopicReader kafka = TopicReader.ofTestBroker();

    @Inject
    DataSource db;

    @Test
    void aPatientCarriedInGetsAModifiedPlanWhoseReasonsAreInTheEventAndTheView() {
        ObjectNode recorded = TestCases.history();
        ((ObjectNode) recorded.at("/history/observation")).put("gait", "CARRIED_IN");
        String caseId = TestCases.assessed(kafka, "site-north", recorded);

        JsonNode plan = TestCases.data(kafka.awaitKeyed(Topics.ASSESSMENT_EVENTS, caseId, 1).getFirst());
        assertThat(plan.get("rulesVersion").asText()).isEqualTo("2026.12-2");
        assertThat(plan.at("/suitability/decision").asText()).isEqualTo("TREAT_WITH_MODIFICATIONS");
        for (String step : List.of("HIP_TRACTION", "LUMBAR_MOBILISATION", "SIJ_MOBILISATION")) {
            JsonNode excluded = TestCases.step(plan, step);
            assertThat(excluded.get("status").asText()).isEqualTo("EXCLUDED");
            assertThat(excluded.get("reasons").findValuesAsText("ruleId"))
                    .contains("IRRITABLE_PAIN_NO_TRACTION_OR_MOBILISATION");
        }
        JsonNode leg = TestCases.step(plan, "MASSAGE_LEG_UNDER_HEAT");
        assertThat(leg.get("status").asText()).isEqualTo("MODIFIED");
        assertThat(leg.at("/parameters/pressure").asText()).isEqualTo("LIGHT");

        given().get("/cases/" + caseId + "/assessment").then().statusCode(200)
                .body("rulesVersion", equalTo("2026.12-2"))
                .body("reasoning.suitability.reasons.ruleId", hasItem("IRRITABLE_PAIN_GENTLE_MASSAGE"))
                .body("reasoning.steps.find { it.step == 'MASSAGE_AREA_AND_SPINE' }.parameters.pressure", equalTo("LIGHT"))
                .body("reasoning.steps.find { it.step == 'MASSAGE_AREA_AND_SPINE' }.reasons.find {"
                        + " it.ruleId == 'IRRITABLE_PAIN_GENTLE_MASSAGE' }.finding", equalTo("observation.gait"))
                .body("reasoning.steps.find { it.step == 'MASSAGE_AREA_AND_SPINE' }.reasons.find {"
                        + " it.ruleId == 'IRRITABLE_PAIN_GENTLE_MASSAGE' }.explanation",
                        equalTo("Severe, irritable pain (carried in): gentle work only, the lightest pressure;"
                                + " consider referral"))
                .body("reasoning.steps.find { it.step == 'LUMBAR_MOBILISATION' }.status", equalTo("EXCLUDED"))
                .body("reasoning.steps.find { it.step == 'EXPLANATION_AND_CONSENT' }.cautions.ruleId",
                        hasItem("IRRITABLE_PAIN_CONSIDER_REFERRAL"));
    }

    @Test
    void aPreviewOfAPatientWhoCannotSitShowsTheSameRules() {
        ObjectNode history = (ObjectNode) TestCases.history().get("history");
        ((ObjectNode) history.get("observation")).put("sittingTolerance", "UNABLE");

        given().contentType(ContentType.JSON).body(Map.of("history", history, "ageYears", 40, "assessedOn", "2026-03-02"))
                .post("/assessments/preview")
                .then().statusCode(200)
                .body("suitability.decision", equalTo("TREAT_WITH_MODIFICATIONS"))
                .body("steps.find { it.step == 'HIP_TRACTION' }.status", equalTo("EXCLUDED"))
                .body("steps.find { it.step == 'HIP_TRACTION' }.reasons.find {"
                        + " it.ruleId == 'IRRITABLE_PAIN_NO_TRACTION_OR_MOBILISATION' }.finding",
                        equalTo("observation.sittingTolerance"))
                .body("steps.find { it.step == 'EXPLANATION_AND_CONSENT' }.cautions.find {"
                        + " it.ruleId == 'IRRITABLE_PAIN_CONSIDER_REFERRAL' }.explanation",
                        containsString("consider referral"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "pain.nrsNow, 6.5",
            "pain.nrsWorst, 7.5",
            "baselineOutcomes.painNrs, 5.5",
            "baselineOutcomes.odi, 42.5",
            "examination.myotomalPower.bigToeExtensionL5, 4.5"})
    void aFractionInAPreviewedHistoryIsRefusedNamingTheField(String path, double fraction) {
        ObjectNode history = (ObjectNode) TestCases.history().get("history");
        String[] parts = path.split("\\.");
        ObjectNode parent = history;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = parent.has(parts[i]) && parent.get(parts[i]).isObject()
                    ? (ObjectNode) parent.get(parts[i]) : parent.putObject(parts[i]);
        }
        parent.put(parts[parts.length - 1], fraction);

        given().contentType(ContentType.JSON).body(Map.of("history", history, "ageYears", 40))
                .post("/assessments/preview")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("history." + path));
    }

    @Test
    void aFractionalAgeInAPreviewIsRefusedNamingTheField() {
        String history = TestCases.history().get("history").toString();

        given().contentType(ContentType.JSON).body("{\"history\":" + history + ",\"ageYears\":40.5}")
                .post("/assessments/preview")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("ageYears")));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"maxIceCubes, 1.5", "maxMinutes, 5.5"})
    void aFractionInAnOverridesLimitsIsRefusedNamingTheFieldAndNothingIsStored(String field, String fraction) {
        String caseId = TestCases.assessed(kafka, "site-north", TestCases.history());
        List<Long> before = TestCases.countsFor(db, UUID.fromString(caseId));

        given().contentType(ContentType.JSON)
                .body("{\"target\":\"STEP\",\"step\":\"ICE_MASSAGE\",\"status\":\"MODIFIED\",\"parameters\":{\""
                        + field + "\":" + fraction + "},\"reason\":\"Raynaud's affects the hands only\"}")
                .post("/cases/" + caseId + "/assessment/overrides")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("parameters." + field)));

        assertThat(TestCases.countsFor(db, UUID.fromString(caseId))).isEqualTo(before);
    }
}
