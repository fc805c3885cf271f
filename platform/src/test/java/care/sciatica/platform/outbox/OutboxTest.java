package care.sciatica.platform.outbox;

import care.sciatica.contracts.CloudEventAttributes;
import care.sciatica.contracts.EventType;
import care.sciatica.contracts.Topics;
import care.sciatica.local.TopicReader;
import care.sciatica.platform.testapp.ChassisTestResources;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static care.sciatica.local.TopicReader.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@ChassisTestResources
@TestSecurity(user = "therapist.north", roles = "therapist")
@OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
class OutboxTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Pool pool;

    @Inject
    OutboxRelay relay;

    private final TopicReader kafka = TopicReader.ofTestBroker();

    @Test
    void theStateChangeAndItsEventAreCommittedTogetherAndTheEventLeavesAsACloudEvent() throws Exception {
        String parcelId = createParcel(3);

        ConsumerRecord<String, String> record = kafka.awaitKeyed(Topics.SESSION_EVENTS, parcelId, 1).getFirst();

        assertThat(record.key()).isEqualTo(parcelId);
        assertThat(header(record, CloudEventAttributes.TYPE)).isEqualTo(EventType.STEP_PERFORMED.type());
        assertThat(header(record, CloudEventAttributes.SPECVERSION)).isEqualTo("1.0");
        assertThat(header(record, CloudEventAttributes.SUBJECT)).isEqualTo(parcelId);
        assertThat(header(record, CloudEventAttributes.SOURCE)).isEqualTo("/sites/site-north/platform-test");
        assertThat(header(record, CloudEventAttributes.ID)).matches("[0-9a-f-]{36}");
        assertThat(header(record, CloudEventAttributes.TIME)).isNotBlank();
        assertThat(header(record, CloudEventAttributes.CONTENT_TYPE)).isEqualTo("application/json");
        JsonNode data = JSON.readTree(record.value());
        assertThat(data.get("caseId").asText()).isEqualTo(parcelId);
        assertThat(data.get("siteId").asText()).isEqualTo("site-north");
        assertThat(data.get("sequence").asInt()).isEqualTo(3);

        await().atMost(Duration.ofSeconds(10)).until(() -> pendingCount() == 0);
    }

    @Test
    void aFailedTransactionLeavesNeitherStateNorEvent() {
        long outboxBefore = count("SELECT count(*) FROM outbox");
        long parcelsBefore = count("SELECT count(*) FROM parcel");

        given().contentType("application/json")
                .body(Map.of("siteId", "site-north", "label", "doomed", "kind", "BOX", "sequence", 1,
                        "failAfterAppend", true))
                .post("/parcels")
                .then().statusCode(409).contentType("application/problem+json");

        assertThat(count("SELECT count(*) FROM outbox")).isEqualTo(outboxBefore);
        assertThat(count("SELECT count(*) FROM parcel")).isEqualTo(parcelsBefore);
    }

    @Test
    void oneCasesEventsLeaveInTheOrderTheyWereWritten() {
        String parcelId = createParcel(0);
        IntStream.rangeClosed(1, 40).forEach(sequence -> insertCopy(parcelId, sequence));

        List<Integer> sequences = kafka.awaitKeyed(Topics.SESSION_EVENTS, parcelId, 41).stream()
                .map(record -> readSequence(record.value()))
                .toList();

        assertThat(sequences).containsExactlyElementsOf(IntStream.rangeClosed(0, 40).boxed().toList());
    }

    @Test
    void rowsLeftPendingByACrashAreSentAgainWithTheirOriginalIds() {
        String parcelId = createParcel(7);
        String eventId = header(kafka.awaitKeyed(Topics.SESSION_EVENTS, parcelId, 1).getFirst(),
                CloudEventAttributes.ID);

        // As if the process died after the broker acknowledged the event but before the row was marked sent.
        pool.preparedQuery("UPDATE outbox SET published_at = NULL WHERE event_id = $1::uuid")
                .execute(Tuple.of(eventId)).await().indefinitely();
        relay.wakeUp();

        List<ConsumerRecord<String, String>> both = kafka.awaitKeyed(Topics.SESSION_EVENTS, parcelId, 2);
        assertThat(both).extracting(record -> header(record, CloudEventAttributes.ID)).containsOnly(eventId);
        await().atMost(Duration.ofSeconds(10)).until(() -> pendingCount() == 0);
    }

    private String createParcel(int sequence) {
        return given().contentType("application/json")
                .body(Map.of("siteId", "site-north", "label", "parcel", "kind", "BOX", "sequence", sequence))
                .post("/parcels")
                .then().statusCode(200)
                .extract().path("id");
    }

    /** Writes another event for the parcel straight into the outbox, each in its own transaction. */
    private void insertCopy(String parcelId, int sequence) {
        pool.preparedQuery("""
                        INSERT INTO outbox (event_id, event_type, topic, message_key, source, subject, occurred_at, payload)
                        SELECT gen_random_uuid(), event_type, topic, message_key, source, subject, now(),
                               jsonb_set(payload::jsonb, '{sequence}', to_jsonb($2::int))::text
                        FROM outbox WHERE message_key = $1 ORDER BY id LIMIT 1""")
                .execute(Tuple.of(parcelId, sequence)).await().indefinitely();
    }

    private long pendingCount() {
        return count("SELECT count(*) FROM outbox WHERE published_at IS NULL");
    }

    private long count(String sql) {
        return pool.query(sql).execute().await().indefinitely().iterator().next().getLong(0);
    }

    private static int readSequence(String json) {
        try {
            return JSON.readTree(json).get("sequence").asInt();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
