package care.sciatica.intake.api;

import care.sciatica.contracts.CloudEventAttributes;
import care.sciatica.contracts.EventJson;
import care.sciatica.contracts.EventSchemas;
import care.sciatica.contracts.EventType;
import care.sciatica.contracts.Topics;
import care.sciatica.intake.IntakeTestResources;
import care.sciatica.local.TopicReader;
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
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

@QuarkusTest
@IntakeTestResources
@TestSecurity(user = "frontdesk.north", roles = "front-desk")
@OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
class IntakeResourceTest {

    private final TopicReader kafka = TopicReader.ofTestBroker();

    @Inject
    Pool pool;

    @Test
    void anIntakeIsStoredAndItsHistoryEventCarriesTheClinicalFieldsButNoIdentity() throws IOException {
        Map<String, Object> response = given().contentType("application/json").body(intake("site-north").toString())
                .post("/intakes")
                .then().statusCode(201)
                .body("patientRef", matchesPattern("pt_[0-9A-Z]{8}"))
                .body("siteId", equalTo("site-north"))
                .body("historyVersion", equalTo(1))
                .extract().as(Map.class);
        String caseId = (String) response.get("caseId");

        given().get("/cases/" + caseId)
                .then().statusCode(200)
                .body("patientRef", equalTo(response.get("patientRef")))
                .body("historyVersions[0].version", equalTo(1))
                .body("historyVersions[0].history.pain.side", equalTo("LEFT"));

        ConsumerRecord<String, String> event = kafka.awaitKeyed(Topics.INTAKE_EVENTS, caseId, 1).getFirst();
        assertThat(TopicReader.header(event, CloudEventAttributes.TYPE)).isEqualTo(EventType.HISTORY_RECORDED.type());
        assertThat(TopicReader.header(event, CloudEventAttributes.SUBJECT)).isEqualTo(caseId);
        JsonNode data = EventJson.mapper().readTree(event.value());
        assertThat(EventSchemas.violations(EventType.HISTORY_RECORDED, data)).isEmpty();
        assertThat(data.get("patientRef").asText()).isEqualTo(response.get("patientRef"));
        assertThat(data.get("history")).isEqualTo(example().get("history"));
        assertThat(event.value()).doesNotContain("Maren", "Holt", "1981-", "07700", "example.org");
    }

    @Test
    void anOutOfRangePainScoreIsRefusedWithTheFieldAndNothingIsStored() throws IOException {
        ObjectNode request = intake("site-north");
        ((ObjectNode) request.at("/history/pain")).put("nrsNow", 11);
        long before = count();

        given().contentType("application/json").body(request.toString())
                .post("/intakes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("history.pain.nrsNow"));

        assertThat(count()).isEqualTo(before);
    }

    @Test
    void recordingForAnotherSiteIsForbidden() throws IOException {
        given().contentType("application/json").body(intake("site-south").toString())
                .post("/intakes")
                .then().statusCode(403).contentType("application/problem+json");
    }

    private long count() {
        return pool.query("SELECT count(*) FROM patient").execute().await().indefinitely().iterator().next().getLong(0);
    }

    static ObjectNode intake(String siteId) throws IOException {
        ObjectNode request = EventJson.mapper().createObjectNode();
        request.put("siteId", siteId);
        ObjectNode patient = request.putObject("patient");
        patient.put("givenName", "Maren");
        patient.put("familyName", "Holt");
        patient.put("birthDate", "1981-06-14");
        patient.put("phone", "07700 900123");
        patient.put("email", "maren.holt@example.org");
        request.putArray("externalRefs").addObject()
                .put("system", "bookwise").put("patientId", "884213").put("appointmentId", "5521907");
        request.set("history", example().get("history").deepCopy());
        return request;
    }

    private static JsonNode example() throws IOException {
        try (InputStream in = IntakeResourceTest.class.getClassLoader()
                .getResourceAsStream(EventType.HISTORY_RECORDED.exampleResource())) {
            return EventJson.mapper().readTree(in);
        }
    }
}
