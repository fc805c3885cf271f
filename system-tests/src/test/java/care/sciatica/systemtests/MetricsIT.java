package care.sciatica.systemtests;

import care.sciatica.local.ScrapedMetrics;
import care.sciatica.local.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

/**
 * Drives cases through the running system and reads {@code /q/metrics} of every service before and after: each
 * business counter and flow timer the dashboards use moved by exactly what the cases did, and the per-site gauges
 * agree with the records the services hold.
 */
class MetricsIT {

    private static final String NORTH = "site=\"site-north\"";
    private static final String SOUTH = "site=\"site-south\"";

    private static RunningPlatform platform;
    private static TopicReader topics;
    private static ClinicFlows flows;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.shared();
        topics = new TopicReader(platform.bootstrapServers());
        flows = new ClinicFlows(platform, topics);
    }

    @AfterAll
    static void closeTopics() {
        topics.close();
    }

    /**
     * At site-north one case taken to its follow-up appointment (pain 6 → 3, every step but palpation skipped at the
     * patient's wish) and one whose patient refuses consent; at site-south one red-flag case referred out; and one
     * history event that breaks the contract.
     */
    @Test
    void casesMoveEveryCounterAndTimerByWhatTheyDid() {
        Map<String, ScrapedMetrics> before = scrapeAll();

        ClinicFlows.Flow treated = flows.wholeFlow(platform.tokenFor("frontdesk.north"),
                platform.tokenFor("therapist.north"), "site-north");
        refuseConsent();
        flows.referRedFlagCase(platform.tokenFor("frontdesk.south"));
        flows.sendUnreadableHistory();

        Map<String, Map<String, Double>> expected = expected(flows.awaitPlan(treated.caseId()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, ScrapedMetrics> after = scrapeAll();
            expected.forEach((service, series) -> series.forEach((name, increase) ->
                    assertThat(after.get(service).value(name) - before.get(service).value(name))
                            .as(service + " " + name).isEqualTo(increase)));
        });
    }

    @Test
    void theOpenTasksGaugeCountsTheTasksTheFrontDeskSees() {
        refuseConsent();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            int open = flows.as(platform.tokenFor("frontdesk.north"), "followup-service").get("/tasks?siteId=site-north")
                    .then().statusCode(200).extract().jsonPath().getList("$").size();
            assertThat(scrape("followup-service").value("sciatica_followup_tasks_open{" + NORTH + "}"))
                    .isEqualTo(open).isPositive();
        });
    }

    @Test
    void everyServiceExportsTheChassisMetrics() {
        scrapeAll().forEach((service, metrics) -> assertThat(metrics.text()).as(service)
                .contains("sciatica_outbox_backlog", "sciatica_outbox_published_total"));
    }

    /** service → series → expected increase. */
    private static Map<String, Map<String, Double>> expected(JsonNode treatedPlan) {
        Map<String, Double> session = new HashMap<>(Map.of(
                "sciatica_consent_total{decision=\"given\"," + NORTH + "}", 1.0,
                "sciatica_consent_total{decision=\"refused\"," + NORTH + "}", 1.0,
                "sciatica_flow_seconds_count{from=\"plan\"," + NORTH + ",to=\"session\"}", 2.0,
                "sciatica_pain_score_count{moment=\"before\"," + NORTH + "}", 1.0,
                "sciatica_pain_score_sum{moment=\"before\"," + NORTH + "}", 6.0,
                "sciatica_pain_score_sum{moment=\"after\"," + NORTH + "}", 3.0,
                "sciatica_pain_change_total{direction=\"better\"," + NORTH + "}", 1.0,
                "sciatica_pain_change_total{direction=\"worse\"," + NORTH + "}", 0.0));
        for (String step : ClinicFlows.skippedSteps(treatedPlan)) {
            session.put("sciatica_steps_skipped_total{reason=\"patient_preference\"," + NORTH + ",step=\""
                    + step.toLowerCase(Locale.ROOT) + "\"}", 1.0);
        }
        return Map.of(
                "intake-service", Map.of(
                        "sciatica_cases_opened_total{" + NORTH + "}", 2.0,
                        "sciatica_cases_opened_total{" + SOUTH + "}", 1.0),
                "assessment-service", Map.of(
                        "sciatica_assessments_total{disposition=\"plan\",origin=\"lumbar\"," + NORTH + "}", 2.0,
                        "sciatica_flow_seconds_count{from=\"intake\"," + NORTH + ",to=\"plan\"}", 2.0,
                        "sciatica_referrals_total{" + SOUTH + ",urgency=\"emergency\"}", 1.0,
                        "sciatica_dead_letters_total{topic=\"assessment.dlq\"}", 1.0),
                "session-service", session,
                "followup-service", Map.of(
                        "sciatica_appointments_total{event=\"scheduled\"," + NORTH + "}", 1.0,
                        "sciatica_flow_seconds_count{from=\"session\"," + NORTH + ",to=\"appointment\"}", 1.0,
                        "sciatica_flow_seconds_count{from=\"intake\"," + NORTH + ",to=\"appointment\"}", 1.0));
    }

    /** A planned case whose patient, once everything is explained, declines the treatment. */
    private static void refuseConsent() {
        String therapist = platform.tokenFor("therapist.north");
        String caseId = flows.intake(platform.tokenFor("frontdesk.north"), "site-north").caseId();
        flows.awaitPlan(caseId);
        await().atMost(ClinicFlows.WAIT).untilAsserted(() -> flows.as(therapist, "session-service").get("/worklist")
                .then().statusCode(200).body("caseId", hasItem(caseId)));
        String sessionId = flows.openSession(therapist, caseId);
        flows.explain(therapist, sessionId);
        flows.as(therapist, "session-service").contentType("application/json")
                .body(Map.of("decision", "REFUSED", "method", "VERBAL"))
                .post("/sessions/" + sessionId + "/consent").then().statusCode(200);
    }

    private static Map<String, ScrapedMetrics> scrapeAll() {
        Map<String, ScrapedMetrics> scraped = new LinkedHashMap<>();
        for (String service : List.of("intake-service", "assessment-service", "session-service", "followup-service")) {
            scraped.put(service, scrape(service));
        }
        return scraped;
    }

    private static ScrapedMetrics scrape(String service) {
        return platform.metrics(service);
    }
}
