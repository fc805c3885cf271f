package care.sciatica.local;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PrometheusServer runs the real prometheus binary (Debian's package, see deploy/local/bin/ensure-prometheus.sh) as a
 * child process: it becomes ready with the project's alert rules loaded, scrapes a service's /q/metrics under the
 * service label the configuration gives, and is gone after close().
 */
class PrometheusServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path work;

    private HttpServer service;

    @BeforeEach
    void startAServiceExportingMetrics() throws Exception {
        service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        service.createContext("/q/metrics", exchange -> {
            byte[] body = """
                    # TYPE sciatica_outbox_backlog gauge
                    sciatica_outbox_backlog 3.0
                    """.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        service.start();
    }

    @AfterEach
    void stopTheService() {
        service.stop(0);
    }

    @Test
    void scrapesAServiceUnderItsServiceLabelWithTheRulesLoadedAndStopsOnClose() throws Exception {
        int port = FreePorts.next();
        Path rules = RepositoryLayout.root().resolve("deploy/prometheus/rules");
        Path config = Files.writeString(work.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files:
                  - %s/*.yml
                scrape_configs:
                  - job_name: sciatica-services
                    metrics_path: /q/metrics
                    static_configs:
                      - targets: ["127.0.0.1:%d"]
                        labels:
                          service: intake-service
                """.formatted(rules, service.getAddress().getPort()));
        ProcessHandle process;
        try (PrometheusServer prometheus = PrometheusServer.launch(config, work.resolve("data"), port,
                work.resolve("prometheus.log")).awaitReady(PrometheusServer.START_TIMEOUT)) {
            process = prometheus.handle();

            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                JsonNode result = query(prometheus, "sciatica_outbox_backlog").path("data").path("result");
                assertEquals(1, result.size(), result.toString());
                assertEquals("intake-service", result.get(0).path("metric").path("service").asText());
                assertEquals("3", result.get(0).path("value").get(1).asText());
            });
            Set<String> groups = new TreeSet<>();
            get(prometheus, "/api/v1/rules").path("data").path("groups")
                    .forEach(group -> groups.add(group.path("name").asText()));
            assertEquals(Set.of("sciatica-availability", "sciatica-pipeline", "sciatica-flow"), groups);
        }
        assertFalse(process.isAlive(), "prometheus must be gone after close()");
    }

    private static JsonNode query(PrometheusServer prometheus, String promql) throws Exception {
        return get(prometheus, "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    }

    private static JsonNode get(PrometheusServer prometheus, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(prometheus.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }
}
