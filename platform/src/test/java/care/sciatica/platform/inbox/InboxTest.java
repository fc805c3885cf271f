package care.sciatica.platform.inbox;

import care.sciatica.contracts.CloudEventAttributes;
import care.sciatica.local.TopicReader;
import care.sciatica.platform.testapp.ChassisTestResources;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static care.sciatica.local.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@ChassisTestResources
class InboxTest {

    private static final String TOPIC = "platform.test.events";
    private static final String DLQ = "platform.test.dlq";

    private final TopicReader kafka = TopicReader.ofTestBroker();

    @Inject
    Pool pool;

    @Test
    void aRedeliveredEventChangesNothingTheSecondTime() {
        String caseId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        String marker = UUID.randomUUID().toString();

        send(event(caseId, eventId, "ok"));
        send(event(caseId, eventId, "ok"));
        // A later event on the same partition proves both copies have been consumed.
        send(event(caseId, marker, "ok"));

        await().atMost(Duration.ofSeconds(30)).until(() -> received(marker) == 1);
        assertThat(received(eventId)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM inbox WHERE event_id = $1", eventId)).isEqualTo(1);
    }

    @Test
    void anEventOfATypeTheConsumerDoesNotHandleIsSkippedWithoutWriting() {
        String caseId = UUID.randomUUID().toString();
        String skippedId = UUID.randomUUID().toString();
        String marker = UUID.randomUUID().toString();
        ProducerRecord<String, String> skipped = event(caseId, skippedId, "ok");
        skipped.headers().remove(CloudEventAttributes.TYPE);
        add(skipped, CloudEventAttributes.TYPE, "care.sciatica.test.parcel-weighed.v1");

        send(skipped);
        // A later event on the same partition proves the skipped one was consumed (its offset committed) first.
        send(event(caseId, marker, "ok"));

        await().atMost(Duration.ofSeconds(30)).until(() -> received(marker) == 1);
        assertThat(received(skippedId)).isZero();
        assertThat(count("SELECT count(*) FROM inbox WHERE event_id = $1", skippedId)).isZero();
        assertThat(count("SELECT count(*) FROM inbox WHERE event_id = $1", marker)).isEqualTo(1);
    }

    @Test
    void aTransientFailureIsRetriedAndTheFailedAttemptsLeaveNothingBehind() {
        String eventId = UUID.randomUUID().toString();

        send(event(UUID.randomUUID().toString(), eventId, "flaky"));

        await().atMost(Duration.ofSeconds(30)).until(() -> received(eventId) == 1);
        assertThat(count("SELECT attempts FROM received_event WHERE event_id = $1", eventId)).isEqualTo(3);
    }

    @Test
    void aPoisonEventGoesToTheDeadLetterTopicAndTheNextEventIsStillProcessed() {
        String caseId = UUID.randomUUID().toString();
        String poisonId = UUID.randomUUID().toString();
        String nextId = UUID.randomUUID().toString();

        send(event(caseId, poisonId, "poison"));
        send(event(caseId, nextId, "ok"));

        var dead = kafka.awaitKeyed(DLQ, caseId, 1).getFirst();
        assertThat(header(dead, CloudEventAttributes.ID)).isEqualTo(poisonId);
        assertThat(header(dead, "dead-letter-reason")).contains("cannot be read");
        await().atMost(Duration.ofSeconds(30)).until(() -> received(nextId) == 1);
        assertThat(received(poisonId)).isZero();
    }

    @Test
    void anEventThatKeepsFailingIsDeadLetteredAfterBoundedRetries() {
        String caseId = UUID.randomUUID().toString();
        String brokenId = UUID.randomUUID().toString();

        send(event(caseId, brokenId, "broken"));

        var dead = kafka.awaitKeyed(DLQ, caseId, 1).getFirst();
        assertThat(header(dead, CloudEventAttributes.ID)).isEqualTo(brokenId);
        assertThat(header(dead, "dead-letter-reason")).contains("still broken");
        assertThat(count("SELECT count(*) FROM inbox WHERE event_id = $1", brokenId)).isZero();
    }

    @Test
    void anEventWithoutCloudEventsAttributesIsPoison() {
        String caseId = UUID.randomUUID().toString();

        kafka.send(new ProducerRecord<>(TOPIC, caseId, "\"ok\""));

        var dead = kafka.awaitKeyed(DLQ, caseId, 1).getFirst();
        assertThat(header(dead, "dead-letter-reason")).contains("missing CloudEvents attribute ce_id");
    }

    private void send(ProducerRecord<String, String> record) {
        kafka.send(record);
    }

    private static ProducerRecord<String, String> event(String caseId, String eventId, String behaviour) {
        ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, caseId, "\"" + behaviour + "\"");
        add(record, CloudEventAttributes.SPECVERSION, "1.0");
        add(record, CloudEventAttributes.ID, eventId);
        add(record, CloudEventAttributes.TYPE, "care.sciatica.test.parcel-moved.v1");
        add(record, CloudEventAttributes.SOURCE, "/sites/site-north/test");
        add(record, CloudEventAttributes.SUBJECT, caseId);
        return record;
    }

    private static void add(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private long received(String eventId) {
        return count("SELECT count(*) FROM received_event WHERE event_id = $1", eventId);
    }

    private long count(String sql, String eventId) {
        var rows = pool.preparedQuery(sql).execute(Tuple.of(eventId)).await().indefinitely();
        return rows.size() == 0 ? 0 : rows.iterator().next().getLong(0);
    }
}
