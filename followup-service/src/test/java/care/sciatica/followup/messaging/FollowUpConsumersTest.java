package care.sciatica.followup.messaging;

import care.sciatica.contracts.CloudEventAttributes;
import care.sciatica.contracts.EventJson;
import care.sciatica.contracts.EventSchemas;
import care.sciatica.contracts.EventType;
import care.sciatica.contracts.Topics;
import care.sciatica.followup.FollowUpTestResources;
import care.sciatica.local.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.UUID;

import static care.sciatica.local.TopicReader.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@FollowUpTestResources
@TestSecurity(user = "frontdesk.north", roles = "front-desk")
@OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
class FollowUpConsumersTest {

    private final TopicReader kafka = TopicReader.ofTestBroker();

    @Inject
    Pool pool;

    @Test
    void aCompletedSessionLeadsToAStoredAppointmentAndItsEvent() throws IOException {
        String caseId = UUID.randomUUID().toString();

        kafka.send(TopicReader.cloudEvent(EventType.SESSION_COMPLETED, caseId, "site-north",
                UUID.randomUUID().toString(), completed(caseId).toString()));

        ConsumerRecord<String, String> event = kafka.awaitKeyed(Topics.FOLLOWUP_EVENTS, caseId, 1).getFirst();
        assertThat(header(event, CloudEventAttributes.TYPE)).isEqualTo(EventType.APPOINTMENT_SCHEDULED.type());
        JsonNode scheduled = EventJson.mapper().readTree(event.value());
        assertThat(EventSchemas.violations(EventType.APPOINTMENT_SCHEDULED, scheduled)).isEmpty();
        assertThat(scheduled.get("reason").asText()).isEqualTo("ROUTINE_INTERVAL");
        assertThat(scheduled.get("therapistRef").asText()).isEqualTo("st_8H3L5V2P");
        assertThat(Instant.parse(scheduled.get("start").asText())).isAfter(Instant.now());

        given().get("/cases/" + caseId + "/appointments")
                .then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].appointmentId", equalTo(scheduled.get("appointmentId").asText()))
                .body("[0].status", equalTo("PROPOSED"));
    }

    @Test
    void aRedeliveredSessionEventBooksOnlyOnce() throws IOException {
        String caseId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        String data = completed(caseId).toString();

        kafka.send(TopicReader.cloudEvent(EventType.SESSION_COMPLETED, caseId, "site-north", eventId, data));
        kafka.send(TopicReader.cloudEvent(EventType.SESSION_COMPLETED, caseId, "site-north", eventId, data));
        kafka.awaitKeyed(Topics.FOLLOWUP_EVENTS, caseId, 1);

        await().untilAsserted(() -> given().get("/cases/" + caseId + "/appointments")
                .then().statusCode(200).body("$", hasSize(1)));
        assertThat(kafka.awaitKeyed(Topics.FOLLOWUP_EVENTS, caseId, 1)).hasSize(1);
    }

    @Test
    void consentAndStepEventsAreSkippedWithoutWritingAndTheCompletedSessionStillBooks() throws IOException {
        String caseId = UUID.randomUUID().toString();
        String consentId = UUID.randomUUID().toString();
        String stepId = UUID.randomUUID().toString();
        String completedId = UUID.randomUUID().toString();
        ObjectNode consent = (ObjectNode) example(EventType.CONSENT_RECORDED);
        consent.put("caseId", caseId);
        ObjectNode step = (ObjectNode) example(EventType.STEP_PERFORMED);
        step.put("caseId", caseId);

        // Same key, same partition: the completed session is read after the two skipped events.
        kafka.send(TopicReader.cloudEvent(EventType.CONSENT_RECORDED, caseId, "site-north", consentId,
                consent.toString()));
        kafka.send(TopicReader.cloudEvent(EventType.STEP_PERFORMED, caseId, "site-north", stepId, step.toString()));
        kafka.send(TopicReader.cloudEvent(EventType.SESSION_COMPLETED, caseId, "site-north", completedId,
                completed(caseId).toString()));

        kafka.awaitKeyed(Topics.FOLLOWUP_EVENTS, caseId, 1);
        await().untilAsserted(() -> assertThat(inboxEntries(completedId)).isEqualTo(1));
        assertThat(inboxEntries(consentId)).isZero();
        assertThat(inboxEntries(stepId)).isZero();
    }

    @Test
    void aReferralOpensATaskForAPersonInsteadOfAnAppointment() throws IOException {
        String caseId = UUID.randomUUID().toString();
        ObjectNode referral = (ObjectNode) example(EventType.REFERRAL_REQUIRED);
        referral.put("caseId", caseId);
        referral.put("siteId", "site-north");

        kafka.send(TopicReader.cloudEvent(EventType.REFERRAL_REQUIRED, caseId, "site-north",
                UUID.randomUUID().toString(), referral.toString()));

        await().untilAsserted(() -> given().get("/tasks?siteId=site-north")
                .then().statusCode(200)
                .body("findAll { it.caseId == '" + caseId + "' }.kind", equalTo(java.util.List.of("ARRANGE_REFERRAL"))));
        given().get("/cases/" + caseId + "/appointments").then().statusCode(200).body("$", hasSize(0));
    }

    private long inboxEntries(String eventId) {
        return pool.preparedQuery("SELECT count(*) FROM inbox WHERE event_id = $1").execute(Tuple.of(eventId))
                .await().indefinitely().iterator().next().getLong(0);
    }

    static ObjectNode completed(String caseId) throws IOException {
        ObjectNode data = (ObjectNode) example(EventType.SESSION_COMPLETED);
        data.put("caseId", caseId);
        data.put("completedAt", Instant.now().toString());
        return data;
    }

    private static JsonNode example(EventType type) throws IOException {
        try (InputStream in = FollowUpConsumersTest.class.getClassLoader().getResourceAsStream(type.exampleResource())) {
            return EventJson.mapper().readTree(in);
        }
    }
}
