package care.sciatica.assessment.messaging;

import care.sciatica.assessment.AssessmentTestResources;
import care.sciatica.contracts.EventJson;
import care.sciatica.contracts.EventType;
import care.sciatica.contracts.Topics;
import care.sciatica.local.ScrapedMetrics;
import care.sciatica.local.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@AssessmentTestResources
class AssessmentMetricsTest {

    private static final String FLOW = "sciatica_flow_seconds_count{from=\"intake\",site=\"site-north\",to=\"plan\"}";

    private final TopicReader kafka = TopicReader.ofTestBroker();

    @Test
    void aPlannedHistoryCountsOneAssessmentByOriginAndTimesIntakeToPlan() throws Exception {
        String caseId = UUID.randomUUID().toString();
        double flowBefore = value(FLOW);
        String before = metrics();

        kafka.send(TopicReader.cloudEvent(EventType.HISTORY_RECORDED, caseId, "site-north",
                UUID.randomUUID().toString(), HistoryConsumerTest.history(caseId, 1).toString()));

        String origin = EventJson.mapper().readTree(kafka.awaitKeyed(Topics.ASSESSMENT_EVENTS, caseId, 1)
                .getFirst().value()).at("/origin/primary").asText().toLowerCase(Locale.ROOT);
        String assessments = "sciatica_assessments_total{disposition=\"plan\",origin=\"" + origin
                + "\",site=\"site-north\"}";
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(value(assessments)).isEqualTo(value(before, assessments) + 1));
        assertThat(value(FLOW)).isEqualTo(flowBefore + 1);
        assertThat(metrics()).contains("sciatica_flow_seconds_bucket{");
    }

    private static String metrics() {
        return given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double value(String series) {
        return value(metrics(), series);
    }

    private static double value(String text, String series) {
        return new ScrapedMetrics(text).value(series);
    }
}
