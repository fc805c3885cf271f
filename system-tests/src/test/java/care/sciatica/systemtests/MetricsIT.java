package care.sciatica.systemtests;

import care.sciatica.local.ScrapedMetrics;
import care.sciatica.local.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Drives one case through the running system and reads {@code /q/metrics} of every service before and after: each
 * business counter and flow timer the dashboards use moved by exactly what the case did.
 */
class MetricsIT {

    private static final String SITE = "site=\"site-north\"";
    /** service → series → expected increase for one case walked by {@link ClinicFlows#wholeFlow}. */
    private static final Map<String, Map<String, Double>> EXPECTED = Map.of(
            "intake-service", Map.of(
                    "sciatica_cases_opened_total{" + SITE + "}", 1.0),
            "assessment-service", Map.of(
                    "sciatica_assessments_total{disposition=\"plan\",origin=\"lumbar\"," + SITE + "}", 1.0,
                    "sciatica_flow_seconds_count{from=\"intake\"," + SITE + ",to=\"plan\"}", 1.0),
            "session-service", Map.of(
                    "sciatica_consent_total{decision=\"given\"," + SITE + "}", 1.0,
                    "sciatica_flow_seconds_count{from=\"plan\"," + SITE + ",to=\"session\"}", 1.0,
                    // ClinicFlows scores the pain 6 before and 3 after.
                    "sciatica_pain_score_count{moment=\"before\"," + SITE + "}", 1.0,
                    "sciatica_pain_score_sum{moment=\"before\"," + SITE + "}", 6.0,
                    "sciatica_pain_score_sum{moment=\"after\"," + SITE + "}", 3.0,
                    "sciatica_pain_change_total{direction=\"better\"," + SITE + "}", 1.0),
            "followup-service", Map.of(
                    "sciatica_appointments_total{event=\"scheduled\"," + SITE + "}", 1.0,
                    "sciatica_flow_seconds_count{from=\"session\"," + SITE + ",to=\"appointment\"}", 1.0,
                    "sciatica_flow_seconds_count{from=\"intake\"," + SITE + ",to=\"appointment\"}", 1.0));

    private static RunningPlatform platform;
    private static TopicReader topics;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.shared();
        topics = new TopicReader(platform.bootstrapServers());
    }

    @AfterAll
    static void closeTopics() {
        topics.close();
    }

    @Test
    void oneCaseMovesEveryCounterAndTimerByWhatItDid() {
        Map<String, ScrapedMetrics> before = scrapeAll();

        new ClinicFlows(platform, topics).wholeFlow(platform.tokenFor("frontdesk.north"),
                platform.tokenFor("therapist.north"), "site-north");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, ScrapedMetrics> after = scrapeAll();
            EXPECTED.forEach((service, series) -> series.forEach((name, increase) ->
                    assertThat(after.get(service).value(name) - before.get(service).value(name))
                            .as(service + " " + name).isEqualTo(increase)));
        });
    }

    @Test
    void everyServiceExportsTheChassisMetrics() {
        scrapeAll().forEach((service, metrics) -> assertThat(metrics.text()).as(service)
                .contains("sciatica_outbox_backlog", "sciatica_outbox_published_total"));
    }

    private static Map<String, ScrapedMetrics> scrapeAll() {
        Map<String, ScrapedMetrics> scraped = new LinkedHashMap<>();
        for (String service : List.of("intake-service", "assessment-service", "session-service", "followup-service")) {
            scraped.put(service, new ScrapedMetrics(given().baseUri(platform.baseUrl(service)).accept("text/plain")
                    .get("/q/metrics").then().statusCode(200).extract().asString()));
        }
        return scraped;
    }
}
