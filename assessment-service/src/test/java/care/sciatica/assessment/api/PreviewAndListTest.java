package care.sciatica.assessment.api;

import care.sciatica.assessment.AssessmentTestResources;
import care.sciatica.contracts.EventType;
import care.sciatica.contracts.Topics;
import care.sciatica.local.TopicReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@AssessmentTestResources
@TestSecurity(user = "therapist.north", roles = "therapist")
@OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
class PreviewAndListTest {

    private final TopicReader kafka = TopicReader.ofTestBroker();

    @Inject
    DataSource db;

    @Test
    void aPreviewShowsTheReasoningAndStoresOrEmitsNothing() {
        ObjectNode recorded = TestCases.history();
        UUID caseId = UUID.fromString(TestCases.assessed(kafka, "site-north", recorded));
        List<Long> before = TestCases.countsFor(db, caseId);
        String key = UUID.randomUUID().toString();

        given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("history", recorded.get("history"), "ageYears", recorded.get("ageYears").asInt(),
                        "assessedOn", "2026-03-02"))
                .post("/assessments/preview")
                .then().statusCode(200)
                .body("disposition", equalTo("PLAN"))
                .body("rulesVersion", equalTo("2026.12-2"))
                .body("origin.primary", equalTo("LUMBAR"))
                .body("origin.likelihoods.find { it.origin == 'LUMBAR' }.findingsFor", not(List.of()))
                .body("suitability.decision", equalTo("TREAT_WITH_MODIFICATIONS"))
                .body("steps.find { it.step == 'ICE_MASSAGE' }.status", equalTo("EXCLUDED"))
                .body("steps.find { it.step == 'ICE_MASSAGE' }.reasons[0].finding", equalTo("conditions.raynauds"))
                .body("followUpIntervalDays", equalTo(given().get("/cases/" + caseId + "/assessment")
                        .then().extract().path("reasoning.followUpIntervalDays")));

        assertThat(TestCases.countsFor(db, caseId)).isEqualTo(before);
        assertThat(TestCases.count(db, "SELECT count(*) FROM idempotency_key WHERE key = ?", key)).isZero();
        assertThat(kafka.awaitKeyed(Topics.ASSESSMENT_EVENTS, caseId.toString(), 1)).hasSize(1);
    }

    @Test
    void aPreviewOfARedFlagIsAReferral() {
        ObjectNode history = (ObjectNode) TestCases.history().get("history");
        ((ObjectNode) history.get("redFlags")).put("saddleNumbness", "YES");

        given().contentType(ContentType.JSON).body(Map.of("history", history, "ageYears", 52))
                .post("/assessments/preview")
                .then().statusCode(200)
                .body("disposition", equalTo("REFERRAL"))
                .body("urgency", equalTo("EMERGENCY"))
                .body("referralReasons.finding", hasItem("redFlags.saddleNumbness"))
                .body("steps", equalTo(null));
    }

    @Test
    void anInvalidPreviewNamesEachFieldByItsPath() {
        ObjectNode history = (ObjectNode) TestCases.history().get("history");
        ((ObjectNode) history.get("pain")).put("nrsNow", 42);

        given().contentType(ContentType.JSON).body(Map.of("history", history, "ageYears", 200))
                .post("/assessments/preview")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("ageYears")));
        given().contentType(ContentType.JSON).body(Map.of("history", history, "ageYears", 40))
                .post("/assessments/preview")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("history.pain.nrsNow"));
    }

    @Test
    void aPreviewRefusesAnOnsetInTheFutureAsIntakeDoes() {
        ObjectNode history = (ObjectNode) TestCases.history().get("history");
        ((ObjectNode) history.get("onset")).put("beganOn", java.time.LocalDate.now().plusDays(30).toString());

        given().contentType(ContentType.JSON).body(Map.of("history", history, "ageYears", 40))
                .post("/assessments/preview")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("history.onset.beganOn")))
                .body("errors[0].reason", org.hamcrest.Matchers.containsString("in the future"));
    }

    @Test
    void aPreviewBodyWithADuplicateKeyOrAControlCharacterIsRefused() {
        given().contentType(ContentType.JSON).body("{\"ageYears\":40,\"ageYears\":41,\"history\":{}}")
                .post("/assessments/preview")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://sciatica.care/problems/malformed-json"));
        ObjectNode history = (ObjectNode) TestCases.history().get("history");
        history.put("notes", "a\u0000b");
        given().contentType(ContentType.JSON).body(Map.of("history", history, "ageYears", 40))
                .post("/assessments/preview")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("history.notes"));
    }

    @Test
    void aSitesAssessmentsAreListedByStatusAndDispositionOnlyForItsStaff() {
        String amended = TestCases.assessed(kafka, "site-north", TestCases.history());
        kafka.send(TopicReader.cloudEvent(EventType.HISTORY_AMENDED, amended, "site-north",
                UUID.randomUUID().toString(), TestCases.amendment(amended, "site-north").toString()));
        kafka.awaitKeyed(Topics.ASSESSMENT_EVENTS, amended, 2);
        ObjectNode flagged = TestCases.history();
        ((ObjectNode) flagged.at("/history/redFlags")).put("saddleNumbness", "YES");
        String referred = TestCases.assessed(kafka, "site-north", flagged);
        String elsewhere = TestCases.assessed(kafka, "site-south", TestCases.history());

        given().queryParam("status", "SUPERSEDED").queryParam("size", 100).get("/assessments")
                .then().statusCode(200)
                .body("items.findAll { it.caseId == '" + amended + "' }.planVersion", equalTo(List.of(1)))
                .body("items.status", everyItem(equalTo("SUPERSEDED")));
        given().queryParam("siteId", "site-north").queryParam("status", "CURRENT").queryParam("size", 100)
                .get("/assessments")
                .then().statusCode(200)
                .body("items.findAll { it.caseId == '" + amended + "' }.planVersion", equalTo(List.of(2)))
                .body("items.caseId", hasItem(referred))
                .body("items.caseId", not(hasItem(elsewhere)))
                .body("items.siteId", everyItem(equalTo("site-north")));
        given().queryParam("status", "CURRENT").queryParam("disposition", "REFERRAL").queryParam("size", 100)
                .get("/assessments")
                .then().statusCode(200)
                .body("items.find { it.caseId == '" + referred + "' }.urgency", equalTo("EMERGENCY"))
                .body("items.caseId", not(hasItem(amended)))
                .body("items.disposition", everyItem(equalTo("REFERRAL")));
        given().queryParam("status", "CURRENT").queryParam("size", 1).get("/assessments")
                .then().statusCode(200).body("items.size()", equalTo(1)).body("size", equalTo(1));
        given().queryParam("siteId", "site-south").get("/assessments")
                .then().statusCode(200).body("items", equalTo(List.of())).body("total", equalTo(0));
        given().queryParam("status", "OLD").queryParam("size", 0).get("/assessments")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("status", "size")));
    }
}
