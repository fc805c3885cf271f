package care.sciatica.followup.messaging;

import care.sciatica.contracts.EventJson;
import care.sciatica.contracts.EventType;
import care.sciatica.contracts.Topics;
import care.sciatica.followup.FollowUpTestResources;
import care.sciatica.followup.usecase.FollowUpMetrics;
import care.sciatica.local.ScrapedMetrics;
import care.sciatica.local.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static care.sciatica.local.TopicReader.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@FollowUpTestResources
class FollowUpMetricsTest {

    private static final String SCHEDULED = "sciatica_appointments_total{event=\"scheduled\",site=\"site-north\"}";
    private static final String SESSION_TO_APPOINTMENT =
            "sciatica_flow_seconds_count{from=\"session\",site=\"site-north\",to=\"appointment\"}";
    private static final String INTAKE_TO_APPOINTMENT =
            "sciatica_flow_seconds_count{from=\"intake\",site=\"site-north\",to=\"appointment\"}";
    private static final String TASKS_OPEN = "sciatica_followup_tasks_open{site=\"site-north\"}";

    private final TopicReader kafka = TopicReader.ofTestBroker();

    @Inject
    FollowUpMetrics metrics;

    @Inject
    Pool pool;

    @Test
    void aScheduledFollowUpIsCountedAndTimedFromTheSessionAndFromTheIntake() throws Exception {
        String caseId = UUID.randomUUID().toString();
        String before = metrics();
        ProducerRecord<String, String> completed = TopicReader.cloudEvent(EventType.SESSION_COMPLETED, caseId,
                "site-north", UUID.randomUUID().toString(), FollowUpConsumersTest.completed(caseId).toString());
        completed.headers().add("ce_flowstart", "2026-01-05T08:30:00Z".getBytes(StandardCharsets.UTF_8));

        kafka.send(completed);

        ConsumerRecord<String, String> scheduled = kafka.awaitKeyed(Topics.FOLLOWUP_EVENTS, caseId, 1).getFirst();
        assertThat(EventJson.mapper().readTree(scheduled.value()).has("appointmentId")).isTrue();
        assertThat(header(scheduled, "ce_flowstart")).startsWith("2026-01-05T08:30");
        await().untilAsserted(() -> {
            String after = metrics();
            assertThat(value(after, SCHEDULED)).isEqualTo(value(before, SCHEDULED) + 1);
            assertThat(value(after, SESSION_TO_APPOINTMENT)).isEqualTo(value(before, SESSION_TO_APPOINTMENT) + 1);
            assertThat(value(after, INTAKE_TO_APPOINTMENT)).isEqualTo(value(before, INTAKE_TO_APPOINTMENT) + 1);
        });
    }

    @Test
    void theOpenTasksGaugeIsTheDatabasesCountPerSite() {
        metrics.refreshGauges().await().indefinitely();

        long open = pool.query("SELECT count(*) FROM followup_task WHERE site_id = 'site-north' AND status = 'OPEN'")
                .execute().await().indefinitely().iterator().next().getLong(0);
        assertThat(value(metrics(), TASKS_OPEN)).isEqualTo((double) open);
    }

    private static String metrics() {
        return given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
    }

    static double value(String text, String series) {
        return new ScrapedMetrics(text).value(series);
    }
}
