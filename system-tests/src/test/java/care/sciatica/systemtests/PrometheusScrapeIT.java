package care.sciatica.systemtests;

import care.sciatica.local.FreePorts;
import care.sciatica.local.PlatformService;
import care.sciatica.local.PrometheusServer;
import care.sciatica.local.RepositoryLayout;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The local run's Prometheus (the real binary, with deploy/prometheus/prometheus-local.yml and its alert rules) against
 * the packaged services: every service's target is up, and every alert rule evaluates without an error against what
 * the services really export. The platform runs on free ports here, so the configuration is the kept file with the
 * services' ports swapped and the rules' directory made absolute; nothing else changes.
 */
class PrometheusScrapeIT {

    private static final Path ROOT = RepositoryLayout.root();
    private static final Duration SCRAPED = Duration.ofSeconds(60);

    private static RunningPlatform platform;
    private static PrometheusServer prometheus;

    @BeforeAll
    static void start() throws IOException {
        platform = RunningPlatform.shared();
        Path work = ROOT.resolve("system-tests/target/prometheus");
        int port = FreePorts.next();
        Path config = localConfigOnThePlatformsPorts(work, port);
        Path data = work.resolve("data");
        deleteRecursively(data);
        prometheus = PrometheusServer.launch(config, data, port, work.resolve("prometheus.log"))
                .awaitReady(PrometheusServer.START_TIMEOUT);
    }

    @AfterAll
    static void stop() {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    @Test
    void theFourServicesAreScrapedAndUp() {
        await().atMost(SCRAPED).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonPath targets = api("/api/v1/targets?state=active");
            List<Map<String, Object>> active = targets.getList("data.activeTargets");
            Map<String, String> healthByService = new TreeMap<>();
            for (Map<String, Object> target : active) {
                @SuppressWarnings("unchecked")
                Map<String, String> labels = (Map<String, String>) target.get("labels");
                if (labels.containsKey("service")) {
                    healthByService.put(labels.get("service"), (String) target.get("health"));
                }
            }
            assertThat(healthByService).containsAllEntriesOf(Map.of(
                    "intake-service", "up", "assessment-service", "up",
                    "session-service", "up", "followup-service", "up"));
        });
        // What the dashboards and the alerts read, under the label they group by.
        JsonPath backlog = api("/api/v1/query?query=count%20by%20(service)%20(sciatica_outbox_backlog)");
        assertThat(backlog.getList("data.result.metric.service", String.class))
                .containsExactlyInAnyOrder("intake-service", "assessment-service", "session-service", "followup-service");
    }

    @Test
    void everyAlertRuleEvaluatesWithoutAnError() {
        await().atMost(SCRAPED).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonPath rules = api("/api/v1/rules");
            List<String> names = rules.getList("data.groups.rules.flatten().name", String.class);
            List<String> evaluated = rules.getList(
                    "data.groups.rules.flatten().findAll { !it.lastEvaluation.startsWith('0001') }.name", String.class);
            List<String> unhealthy = rules.getList(
                    "data.groups.rules.flatten().findAll { it.health != 'ok' }.collect { it.name + ': ' + it.lastError }",
                    String.class);
            assertThat(names).contains("ServiceDown", "ServiceInstanceDown", "OutboxBacklogGrowing",
                    "OutboxNotPublishing", "DeadLetters", "ConsumerLagHigh", "FlowP99OverTarget");
            assertThat(evaluated).as("rules evaluated at least once").hasSameSizeAs(names);
            assertThat(unhealthy).as("rules whose evaluation failed").isEmpty();
        });
    }

    private static JsonPath api(String path) {
        return given().baseUri(prometheus.baseUrl()).urlEncodingEnabled(false).get(path)
                .then().statusCode(200).extract().jsonPath();
    }

    private static Path localConfigOnThePlatformsPorts(Path work, int prometheusPort) throws IOException {
        String config = Files.readString(ROOT.resolve("deploy/prometheus/prometheus-local.yml"));
        for (PlatformService service : PlatformService.ALL) {
            config = swap(config, "\"127.0.0.1:" + service.port() + "\"",
                    "\"" + platform.baseUrl(service.name()).replace("http://", "") + "\"");
        }
        config = swap(config, "\"127.0.0.1:" + PrometheusServer.DEFAULT_PORT + "\"", "\"127.0.0.1:" + prometheusPort + "\"");
        config = swap(config, "  - rules/*.yml", "  - " + ROOT.resolve("deploy/prometheus/rules") + "/*.yml");
        Files.createDirectories(work);
        return Files.writeString(work.resolve("prometheus.yml"), config);
    }

    /** Replaces {@code kept} by {@code swapped}; fails when the kept file no longer says {@code kept}. */
    private static String swap(String config, String kept, String swapped) {
        assertThat(config).as("deploy/prometheus/prometheus-local.yml").contains(kept);
        return config.replace(kept, swapped);
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
