package care.sciatica.intake.messaging;

import care.sciatica.contracts.CloudEventAttributes;
import care.sciatica.contracts.EventType;
import care.sciatica.contracts.Topics;
import care.sciatica.intake.Calls;
import care.sciatica.intake.Fixtures;
import care.sciatica.intake.IntakeTestResources;
import care.sciatica.intake.Visits;
import care.sciatica.local.TopicReader;
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

import java.time.Duration;
import java.util.UUID;

import static care.sciatica.intake.Calls.get;
import static care.sciatica.local.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Visit-started events from the real topic: each visit opens once, what cannot fit is dead-lettered. */
@QuarkusTest
@IntakeTestResources
@TestSecurity(user = "frontdesk.north", roles = "front-desk")
@OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
class VisitConsumersTest {

    private final TopicReader kafka = TopicReader.ofTestBroker();

    @Inject
    Pool pool;

    @Test
    void aRepeatedVisitStartOpensTheVisitOnceAndOtherFollowUpEventsAreSkipped() {
        String caseId = Calls.recordedCase("site-north", Fixtures.history());
        String eventId = UUID.randomUUID().toString();
        String appointmentId = UUID.randomUUID().toString();
        String started = Visits.started(caseId, 2, appointmentId).toString();
        String scheduledId = UUID.randomUUID().toString();

        kafka.send(TopicReader.cloudEvent(EventType.APPOINTMENT_SCHEDULED, caseId, "site-north", scheduledId, "{}"));
        kafka.send(TopicReader.cloudEvent(EventType.VISIT_STARTED, caseId, "site-north", eventId, started));
        kafka.send(TopicReader.cloudEvent(EventType.VISIT_STARTED, caseId, "site-north", eventId, started));
        // The same visit reported again under a new event id (follow-up retried its own write) changes nothing.
        String againId = UUID.randomUUID().toString();
        kafka.send(TopicReader.cloudEvent(EventType.VISIT_STARTED, caseId, "site-north", againId, started));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(inboxEntries(againId)).isEqualTo(1));
        assertThat(inboxEntries(eventId)).isEqualTo(1);
        assertThat(inboxEntries(scheduledId)).isZero();
        get("/cases/" + caseId).statusCode(200).body("visits", hasSize(1))
                .body("visits[0].appointmentId", equalTo(appointmentId));
    }

    @Test
    void aPoisonVisitStartGoesToTheDeadLetterTopicAndTheNextOneIsStillProcessed() {
        String caseId = Calls.recordedCase("site-north", Fixtures.history());
        String unknownCase = UUID.randomUUID().toString();
        String unknownId = UUID.randomUUID().toString();
        String outOfOrderId = UUID.randomUUID().toString();
        String outOfOrderData = Visits.started(caseId, 4, UUID.randomUUID().toString()).toString();

        kafka.send(TopicReader.cloudEvent(EventType.VISIT_STARTED, unknownCase, "site-north", unknownId,
                Visits.started(unknownCase, 2, UUID.randomUUID().toString()).toString()));
        // Same key as the valid one below, so the same partition: the valid event is read after the poison.
        kafka.send(TopicReader.cloudEvent(EventType.VISIT_STARTED, caseId, "site-north", outOfOrderId,
                outOfOrderData));
        String appointmentId = Visits.start(kafka, caseId, 2);

        ConsumerRecord<String, String> unknown = deadLetter(unknownId);
        assertThat(header(unknown, "dead-letter-reason")).contains(unknownCase);
        ConsumerRecord<String, String> outOfOrder = deadLetter(outOfOrderId);
        assertThat(header(outOfOrder, "dead-letter-reason")).contains("the next is 2");
        assertThat(outOfOrder.value()).isEqualTo(outOfOrderData);
        get("/cases/" + caseId).statusCode(200).body("visits", hasSize(1))
                .body("visits[0].visit", equalTo(2))
                .body("visits[0].appointmentId", equalTo(appointmentId));
    }

    private ConsumerRecord<String, String> deadLetter(String eventId) {
        return kafka.awaitMatching(Topics.INTAKE_DLQ, record -> eventId.equals(header(record, CloudEventAttributes.ID)),
                1, Duration.ofSeconds(30)).getFirst();
    }

    private long inboxEntries(String eventId) {
        return pool.preparedQuery("SELECT count(*) FROM inbox WHERE event_id = $1").execute(Tuple.of(eventId))
                .await().indefinitely().iterator().next().getLong(0);
    }
}
