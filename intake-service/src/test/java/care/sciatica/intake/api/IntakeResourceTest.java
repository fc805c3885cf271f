package care.sciatica.intake.api;

import care.sciatica.contracts.CloudEventAttributes;
import care.sciatica.contracts.EventJson;
import care.sciatica.contracts.EventSchemas;
import care.sciatica.contracts.EventType;
import care.sciatica.contracts.Topics;
import care.sciatica.intake.Fixtures;
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
import java.util.Map;
import java.util.UUID;

import static care.sciatica.intake.Calls.get;
import static care.sciatica.intake.Calls.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
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
        Map<String, Object> response = given().contentType("application/json")
                .body(Fixtures.intake("site-north").toString())
                .post("/intakes")
                .then().statusCode(201)
                .body("patientRef", matchesPattern("pt_[0-9A-Z]{8}"))
                .body("siteId", equalTo("site-north"))
                .body("historyVersion", equalTo(1))
                .extract().as(Map.class);
        String caseId = (String) response.get("caseId");

        get("/cases/" + caseId).statusCode(200)
                .body("patientRef", equalTo(response.get("patientRef")))
                .body("status", equalTo("HISTORY_RECORDED"))
                .body("externalRefs[0].appointmentId", equalTo("5521907"))
                .body("historyVersions[0].version", equalTo(1))
                .body("historyVersions[0].history.pain.side", equalTo("LEFT"));

        ConsumerRecord<String, String> event = kafka.awaitKeyed(Topics.INTAKE_EVENTS, caseId, 1).getFirst();
        assertThat(TopicReader.header(event, CloudEventAttributes.TYPE)).isEqualTo(EventType.HISTORY_RECORDED.type());
        assertThat(TopicReader.header(event, CloudEventAttributes.SUBJECT)).isEqualTo(caseId);
        JsonNode data = EventJson.mapper().readTree(event.value());
        assertThat(EventSchemas.violations(EventType.HISTORY_RECORDED, data)).isEmpty();
        assertThat(data.get("patientRef").asText()).isEqualTo(response.get("patientRef"));
        assertThat(data.get("history")).isEqualTo(Fixtures.history());
        assertThat(event.value()).doesNotContain("Maren", "Holt", "1981-", "07700", "example.org");
    }

    @Test
    void aRepeatedIntakeWithTheSameKeyAnswersTheSameAndStoresNothingNew() {
        String key = UUID.randomUUID().toString();
        ObjectNode request = Fixtures.intake("site-north");
        String caseId = post("/intakes", request, key).statusCode(201).extract().path("caseId");
        Map<String, Long> before = Fixtures.rows(pool);

        post("/intakes", request, key).statusCode(201).body("caseId", equalTo(caseId));

        assertThat(Fixtures.rows(pool)).isEqualTo(before);
    }

    @Test
    void theSameKeyForADifferentIntakeIsRefused() {
        String key = UUID.randomUUID().toString();
        post("/intakes", Fixtures.intake("site-north"), key).statusCode(201);
        Map<String, Long> before = Fixtures.rows(pool);

        ObjectNode other = Fixtures.intake("site-north");
        Fixtures.at(other, "/patient").put("givenName", "Mara");
        post("/intakes", other, key).statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("different request"));

        assertThat(Fixtures.rows(pool)).isEqualTo(before);
    }

    @Test
    void anOutOfRangePainScoreIsRefusedWithTheFieldAndNothingIsStored() {
        ObjectNode request = Fixtures.intake("site-north");
        Fixtures.at(request, "/history/pain").put("nrsNow", 11);
        Map<String, Long> before = Fixtures.rows(pool);

        post("/intakes", request).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("history.pain.nrsNow"))
                .body("errors.reason", hasItem("must be at most 10; got 11"));

        assertThat(Fixtures.rows(pool)).isEqualTo(before);
    }

    @Test
    void recordingForAnotherSiteIsForbidden() {
        post("/intakes", Fixtures.intake("site-south")).statusCode(403).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "booking.bot", roles = "booking-system")
    @OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
    void aBookingSystemSendsItsPatientsIn() {
        post("/intakes", Fixtures.intake("site-north")).statusCode(201).body("historyVersion", equalTo(1));
    }

    @Test
    @TestSecurity(user = "ops.chain", roles = "ops")
    @OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
    void opsRecordsNothing() {
        post("/intakes", Fixtures.intake("site-north")).statusCode(403);
    }
}
