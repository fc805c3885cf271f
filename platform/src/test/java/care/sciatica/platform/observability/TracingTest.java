package care.sciatica.platform.observability;

import care.sciatica.contracts.CloudEventAttributes;
import care.sciatica.contracts.Topics;
import care.sciatica.local.TopicReader;
import care.sciatica.platform.testapp.ChassisTestResources;
import care.sciatica.platform.testapp.TestConsumer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static care.sciatica.local.TopicReader.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@ChassisTestResources
@TestSecurity(user = "therapist.north", roles = "therapist")
@OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
class TracingTest {

    private static final String TOPIC = "platform.test.events";

    @Inject
    InMemorySpanExporter spans;

    private final TopicReader kafka = TopicReader.ofTestBroker();

    @Test
    void anEventAppendedInATracedRequestLeavesWithThatRequestsTraceparentAndFlowStart() {
        String parcelId = given().contentType("application/json")
                .body(Map.of("siteId", "site-north", "label", "traced", "kind", "BOX", "sequence", 2))
                .post("/parcels")
                .then().statusCode(200)
                .extract().path("id");

        ConsumerRecord<String, String> record = kafka.awaitKeyed(Topics.SESSION_EVENTS, parcelId, 1).getFirst();

        String traceparent = header(record, TraceContext.TRACEPARENT);
        assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        String traceId = traceparent.substring(3, 35);
        SpanData request = await().atMost(Duration.ofSeconds(10)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(span -> span.getKind() == SpanKind.SERVER && span.getName().contains("/parcels")
                        && span.getTraceId().equals(traceId))
                .findFirst().orElse(null), found -> found != null);
        assertThat(request.getAttributes().toString()).contains("POST");
        // The first event of a flow starts it: its flow start is its own time.
        assertThat(Instant.parse(header(record, FlowStart.HEADER)))
                .isEqualTo(Instant.parse(header(record, CloudEventAttributes.TIME)));
    }

    @Test
    void aRequestOnACaseContinuesTheCasesKeptTraceAndLinksItsOwnRequest() {
        String caseTraceId = randomHex(16);
        String parcelId = given().contentType("application/json")
                .body(Map.of("siteId", "site-north", "label", "case traced", "kind", "BOX", "sequence", 3,
                        "caseTraceparent", "00-" + caseTraceId + "-" + randomHex(8) + "-01"))
                .post("/parcels")
                .then().statusCode(200)
                .extract().path("id");

        ConsumerRecord<String, String> record = kafka.awaitKeyed(Topics.SESSION_EVENTS, parcelId, 1).getFirst();

        assertThat(header(record, TraceContext.TRACEPARENT)).startsWith("00-" + caseTraceId + "-");
        SpanData work = await().atMost(Duration.ofSeconds(10)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(span -> span.getName().equals("parcel create") && span.getTraceId().equals(caseTraceId))
                .findFirst().orElse(null), found -> found != null);
        assertThat(work.getAttributes().get(AttributeKey.stringKey(CaseContext.CASE_ID_ATTRIBUTE))).isEqualTo(parcelId);
        String requestTraceId = work.getLinks().getFirst().getSpanContext().getTraceId();
        assertThat(requestTraceId).isNotEqualTo(caseTraceId);
        assertThat(spans.getFinishedSpanItems()).anySatisfy(span -> {
            assertThat(span.getKind()).isEqualTo(SpanKind.SERVER);
            assertThat(span.getTraceId()).isEqualTo(requestTraceId);
        });
    }

    @Test
    void consumingAnEventWithATraceparentRunsTheHandlerInASpanOfThatTrace() {
        String caseId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        String traceId = randomHex(16);
        ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, caseId, "\"ok\"");
        add(record, CloudEventAttributes.SPECVERSION, "1.0");
        add(record, CloudEventAttributes.ID, eventId);
        add(record, CloudEventAttributes.TYPE, "care.sciatica.test.parcel-moved.v1");
        add(record, CloudEventAttributes.SOURCE, "/sites/site-north/test");
        add(record, CloudEventAttributes.SUBJECT, caseId);
        add(record, TraceContext.TRACEPARENT, "00-" + traceId + "-" + randomHex(8) + "-01");

        kafka.send(record);

        await().atMost(Duration.ofSeconds(30)).until(() -> TestConsumer.TRACE_IDS.containsKey(eventId));
        assertThat(TestConsumer.TRACE_IDS.get(eventId)).isEqualTo(traceId);
        SpanData processed = await().atMost(Duration.ofSeconds(10)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(span -> span.getName().equals("platform-test process") && span.getTraceId().equals(traceId))
                .findFirst().orElse(null), found -> found != null);
        assertThat(processed.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(processed.getAttributes().toString()).contains(caseId);
    }

    private static void add(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1; // never the all-zero invalid id
        return HexFormat.of().formatHex(random);
    }
}
