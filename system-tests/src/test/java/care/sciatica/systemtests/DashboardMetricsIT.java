package care.sciatica.systemtests;

import care.sciatica.local.GrafanaDashboards;
import care.sciatica.local.TopicReader;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every metric a Grafana dashboard in deploy/grafana/dashboards queries is exported by a running service, after the
 * day a clinic has: a case taken to its follow-up appointment (announced to a booking system's webhook), a red-flag case
 * referred out (a follow-up task for the lead), and an unreadable event dead-lettered.
 */
class DashboardMetricsIT {

    private static final List<String> SERVICES =
            List.of("intake-service", "assessment-service", "session-service", "followup-service");

    private static RunningPlatform platform;
    private static TopicReader topics;
    private static HttpServer bookingSystem;

    @BeforeAll
    static void startPlatform() throws IOException {
        platform = RunningPlatform.shared();
        topics = new TopicReader(platform.bootstrapServers());
        bookingSystem = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        bookingSystem.createContext("/hooks", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(204, -1);
            }
        });
        bookingSystem.start();
    }

    @AfterAll
    static void stop() {
        topics.close();
        bookingSystem.stop(0);
    }

    @Test
    void everyMetricTheDashboardsQueryIsExportedByARunningService() {
        ClinicFlows flows = new ClinicFlows(platform, topics);
        subscribeBookingSystem("site-north");
        flows.wholeFlow(platform.tokenFor("frontdesk.north"), platform.tokenFor("therapist.north"), "site-north");
        flows.referRedFlagCase(platform.tokenFor("frontdesk.south"));
        flows.sendUnreadableHistory();

        Map<String, Set<String>> queried = GrafanaDashboards.queriedMetricsByDashboard();
        assertThat(queried).containsOnlyKeys("integration-health.json", "pipeline-overview.json", "site-day.json");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Set<String> exported = exported();
            Map<String, Set<String>> missing = new TreeMap<>();
            queried.forEach((dashboard, metrics) -> metrics.stream().filter(metric -> !exported.contains(metric))
                    .forEach(metric -> missing.computeIfAbsent(dashboard, d -> new TreeSet<>()).add(metric)));
            assertThat(missing).as("metrics queried by a dashboard that no running service exports").isEmpty();
        });
    }

    private static void subscribeBookingSystem(String siteId) {
        given().baseUri(platform.baseUrl("followup-service")).auth().oauth2(platform.tokenFor("admin.chain"))
                .contentType("application/json")
                .body(Map.of("siteId", siteId,
                        "url", "http://127.0.0.1:" + bookingSystem.getAddress().getPort() + "/hooks",
                        "eventTypes", List.of("appointment.scheduled")))
                .post("/webhooks/subscriptions").then().statusCode(201);
    }

    private static Set<String> exported() {
        Set<String> names = new TreeSet<>();
        for (String service : SERVICES) {
            names.addAll(platform.metrics(service).names());
        }
        return names;
    }
}
