package care.sciatica.platform.observability;

import care.sciatica.contracts.CloudEventAttributes;
import care.sciatica.contracts.Topics;
import care.sciatica.local.TopicReader;
import care.sciatica.platform.testapp.ChassisTestResources;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@ChassisTestResources
@TestSecurity(user = "therapist.north", roles = "therapist")
@OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
class PipelineMetricsTest {

    private static final String PUBLISHED = "sciatica_outbox_published_total";
    private static final String DEAD = "sciatica_dead_letters_total{topic=\"platform.test.dlq\"}";

    private final TopicReader kafka = TopicReader.ofTestBroker();

    @Inject
    FlowTimers flowTimers;

    @Test
    void publishedEventsAreCounted() {
        double before = ScrapedMetrics.read().value(PUBLISHED);
        String parcelId = given().contentType("application/json")
                .body(Map.of("siteId", "site-north", "label", "counted", "kind", "BOX", "sequence", 1))
                .post("/parcels")
                .then().statusCode(200)
                .extract().path("id");
        kafka.awaitKeyed(Topics.SESSION_EVENTS, parcelId, 1);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> ScrapedMetrics.read().value(PUBLISHED) >= before + 1);
        assertThat(ScrapedMetrics.read().text()).contains("sciatica_outbox_backlog ");
    }

    @Test
    void httpAndFlowTimersHaveBucketsThatResolveMilliseconds() {
        given().contentType("application/json")
                .body(Map.of("siteId", "site-north", "label", "timed", "kind", "BOX", "sequence", 1))
                .post("/parcels")
                .then().statusCode(200);
        Instant start = Instant.parse("2026-03-02T10:00:00Z");
        flowTimers.record("site-north", "bucket-test", "seven-ms", start, start.plusMillis(7));

        List<String> lines = ScrapedMetrics.read().text().lines().toList();

        assertThat(lines).anyMatch(line -> line.startsWith("http_server_requests_seconds_bucket{")
                && line.contains("uri=\"/parcels\"") && line.contains("le=\"0.005\""));
        assertThat(lines).anyMatch(line -> line.startsWith("http_server_requests_seconds_bucket{")
                && line.contains("uri=\"/parcels\"") && line.contains("le=\"10.0\""));
        // 7 ms: above the 5 ms bucket, inside the 10 ms one
        assertThat(bucket(lines, "0.005")).isEqualTo("0");
        assertThat(bucket(lines, "0.01")).isEqualTo("1");
        assertThat(bucket(lines, "2592000.0")).isEqualTo("1");
    }

    private static String bucket(List<String> lines, String le) {
        return lines.stream()
                .filter(line -> line.startsWith("sciatica_flow_seconds_bucket{") && line.contains("to=\"seven-ms\"")
                        && line.contains("le=\"" + le + "\""))
                .map(line -> line.substring(line.lastIndexOf(' ') + 1).replace(".0", ""))
                .findFirst().orElse("absent");
    }

    @Test
    void aPoisonEventIsCountedAsDeadLettered() {
        double before = ScrapedMetrics.read().value(DEAD);
        String caseId = UUID.randomUUID().toString();
        ProducerRecord<String, String> record = new ProducerRecord<>("platform.test.events", caseId, "\"poison\"");
        add(record, CloudEventAttributes.SPECVERSION, "1.0");
        add(record, CloudEventAttributes.ID, UUID.randomUUID().toString());
        add(record, CloudEventAttributes.TYPE, "care.sciatica.test.parcel-moved.v1");
        add(record, CloudEventAttributes.SOURCE, "/sites/site-north/test");
        add(record, CloudEventAttributes.SUBJECT, caseId);

        kafka.send(record);
        kafka.awaitKeyed("platform.test.dlq", caseId, 1);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(ScrapedMetrics.read().value(DEAD)).isEqualTo(before + 1));
    }

    private static void add(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
