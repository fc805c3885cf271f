package care.sciatica.deploy;

import care.sciatica.local.GrafanaDashboards;
import care.sciatica.local.PlatformService;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The alert rules in deploy/prometheus/rules and the Prometheus configurations that load them, checked by Prometheus'
 * own tool: {@code promtool check rules}, {@code promtool test rules} (deploy/prometheus/tests) and
 * {@code promtool check config}. promtool comes with Debian's {@code prometheus} package (.ci/run and
 * deploy/local/bin/ensure-prometheus.sh install it); without it these tests fail, saying so.
 */
class PrometheusRulesTest {

    private static final Path RULES = Repo.path("deploy/prometheus/rules/sciatica-alerts.yml");
    private static final Path RULE_TESTS = Repo.path("deploy/prometheus/tests/sciatica-alerts-test.yml");
    private static final Path COMPOSE_CONFIG = Repo.path("deploy/prometheus/prometheus.yml");
    private static final Path LOCAL_CONFIG = Repo.path("deploy/prometheus/prometheus-local.yml");
    /** The series Prometheus makes itself, not the services (so not in METRICS.md). */
    private static final Set<String> PROMETHEUS_OWN = Set.of("up");

    @Test
    void promtoolAcceptsTheRules() {
        Result result = promtool("check", "rules", RULES);
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("SUCCESS: %d rules found".formatted(ruleCount())), result.output());
    }

    @Test
    void theRulesPassTheirUnitTests() {
        Result result = promtool("test", "rules", RULE_TESTS);
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("SUCCESS"), result.output());
    }

    @Test
    void promtoolAcceptsTheComposeAndTheLocalConfigurationWithTheirRules() {
        for (Path config : List.of(COMPOSE_CONFIG, LOCAL_CONFIG)) {
            Result result = promtool("check", "config", config);
            assertEquals(0, result.exitCode(), result.output());
            assertTrue(result.output().contains("SUCCESS: 1 rule files found"), config + " loads the rules:\n" + result.output());
            assertTrue(result.output().contains("SUCCESS: %d rules found".formatted(ruleCount())), result.output());
        }
    }

    @Test
    void everyAlertIsUnitTestedFiringAndQuiet() {
        Set<String> firing = new TreeSet<>();
        Set<String> quiet = new TreeSet<>();
        for (JsonNode test : Repo.readYaml(RULE_TESTS).path("tests")) {
            for (JsonNode expectation : test.path("alert_rule_test")) {
                String alert = expectation.path("alertname").asText();
                (expectation.path("exp_alerts").isEmpty() ? quiet : firing).add(alert);
            }
        }
        Set<String> alerts = new TreeSet<>(alerts().keySet());
        assertEquals(alerts, firing, "every alert has a test in which it fires");
        assertEquals(alerts, quiet, "every alert has a test in which it does not");
    }

    @Test
    void theRulesQueryOnlyMetricsOfTheContract() throws IOException {
        Set<String> contract = DashboardsTest.contractMetrics();
        Map<String, Set<String>> unknown = new TreeMap<>();
        alerts().forEach((alert, expressions) -> expressions.stream()
                .flatMap(expression -> GrafanaDashboards.metricNames(expression).stream())
                .filter(metric -> !contract.contains(metric) && !PROMETHEUS_OWN.contains(metric))
                .forEach(metric -> unknown.computeIfAbsent(alert, a -> new TreeSet<>()).add(metric)));
        assertEquals(Map.of(), unknown, "metrics an alert queries that deploy/grafana/METRICS.md does not list");
    }

    @Test
    void theLocalAndTheComposeConfigurationScrapeTheFourServicesWithTheirServiceLabel() {
        Map<String, String> local = scrapedServices(LOCAL_CONFIG);
        Map<String, String> compose = scrapedServices(COMPOSE_CONFIG);
        for (PlatformService service : PlatformService.ALL) {
            assertEquals("127.0.0.1:" + service.port(), local.get(service.name()), "local: " + service.name());
            assertEquals(service.name() + ":" + service.port(), compose.get(service.name()), "compose: " + service.name());
        }
        assertEquals("127.0.0.1:8085", local.get("clinic-console"), "local: the console, when it runs");
    }

    /** Alert name → its expressions (an alert may have several rules, e.g. one per flow leg). */
    private static Map<String, List<String>> alerts() {
        Map<String, List<String>> alerts = new TreeMap<>();
        for (JsonNode group : Repo.readYaml(RULES).path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                alerts.computeIfAbsent(rule.path("alert").asText(), a -> new ArrayList<>()).add(rule.path("expr").asText());
            }
        }
        return alerts;
    }

    private static int ruleCount() {
        return alerts().values().stream().mapToInt(List::size).sum();
    }

    /** The {@code service} label of every static target → the target, over all scrape jobs. */
    private static Map<String, String> scrapedServices(Path config) {
        Map<String, String> services = new TreeMap<>();
        for (JsonNode job : Repo.readYaml(config).path("scrape_configs")) {
            for (JsonNode targets : job.path("static_configs")) {
                String service = targets.path("labels").path("service").asText();
                if (!service.isEmpty()) {
                    targets.path("targets").forEach(target -> services.put(service, target.asText()));
                    assertEquals("/q/metrics", job.path("metrics_path").asText(), config + ": " + service);
                }
            }
        }
        return services;
    }

    private record Result(int exitCode, String output) {
    }

    private static Result promtool(String command, String subcommand, Path file) {
        Path promtool = onPath("promtool").orElseThrow(() -> new AssertionError(
                "promtool is not installed: it comes with Debian's prometheus package "
                        + "(bash deploy/local/bin/ensure-prometheus.sh installs it; .ci/run does so on CI)"));
        ProcessBuilder builder = new ProcessBuilder(promtool.toString(), command, subcommand,
                Repo.ROOT.relativize(file).toString())
                .directory(Repo.ROOT.toFile())
                .redirectErrorStream(true);
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("promtool did not finish: " + output);
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new AssertionError("Could not run " + builder.command(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted running " + builder.command(), e);
        }
    }

    private static Optional<Path> onPath(String executable) {
        return Stream.of(Optional.ofNullable(System.getenv("PATH")).orElse("").split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, executable))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
