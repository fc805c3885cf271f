package care.sciatica.deploy;

import care.sciatica.local.GrafanaDashboards;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every Grafana dashboard parses, and every metric it queries (panel targets and template variables) is part of
 * the contract in deploy/grafana/METRICS.md; the contract's "which dashboard queries what" table is exact.
 */
class DashboardsTest {

    private static final Path DASHBOARDS = Repo.path("deploy/grafana/dashboards");
    private static final Path CONTRACT = Repo.path("deploy/grafana/METRICS.md");

    @Test
    void everyDashboardParsesAndHasPanelsWithQueries() throws IOException {
        List<Path> files = GrafanaDashboards.files();
        assertEquals(3, files.size(), "pipeline overview, a site's day, integration health");
        for (Path file : files) {
            JsonNode dashboard = Repo.readJson(file);
            assertFalse(dashboard.path("uid").asText().isEmpty(), file + ": uid");
            assertFalse(dashboard.path("title").asText().isEmpty(), file + ": title");
            assertTrue(dashboard.path("panels").size() > 0, file + ": panels");
            for (JsonNode panel : dashboard.path("panels")) {
                assertTrue(panel.path("targets").size() > 0, file + ": panel " + panel.path("title").asText() + " has no query");
            }
        }
    }

    @Test
    void everyQueriedMetricIsInTheContract() throws IOException {
        Set<String> contract = contractMetrics();
        Map<String, Set<String>> unknown = new TreeMap<>();
        for (Path file : GrafanaDashboards.files()) {
            for (String metric : GrafanaDashboards.queriedMetrics(Repo.readJson(file))) {
                if (!contract.contains(metric)) {
                    unknown.computeIfAbsent(file.getFileName().toString(), f -> new TreeSet<>()).add(metric);
                }
            }
        }
        assertEquals(Map.of(), unknown, "metrics queried by dashboards but missing from METRICS.md");
    }

    @Test
    void theSiteDayDashboardFiltersEveryQueryBySite() throws IOException {
        JsonNode dashboard = Repo.readJson(DASHBOARDS.resolve("site-day.json"));
        assertTrue(dashboard.path("templating").path("list").findValuesAsText("name").contains("site"));
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                assertTrue(target.path("expr").asText().contains("site=~\"$site\""), panel.path("title").asText());
            }
        }
    }

    @Test
    void theContractSaysExactlyWhichDashboardQueriesWhat() throws IOException {
        String text = Files.readString(CONTRACT);
        for (Path file : GrafanaDashboards.files()) {
            String name = file.getFileName().toString();
            Matcher row = Pattern.compile("^\\|[^|]*`" + Pattern.quote(name) + "`[^|]*\\|(.*)\\|\\s*$", Pattern.MULTILINE)
                    .matcher(text);
            assertTrue(row.find(), "METRICS.md has no row for " + name);
            Set<String> listed = new TreeSet<>();
            Matcher names = Pattern.compile("`([a-z_:][a-z0-9_:]*)`").matcher(row.group(1));
            while (names.find()) {
                listed.add(names.group(1));
            }
            assertEquals(new TreeSet<>(GrafanaDashboards.queriedMetrics(Repo.readJson(file))), listed, name);
        }
    }

    @Test
    void theQueryReaderFindsTheMetricNamesAndLeavesOutFunctionsLabelsAndKeywords() {
        assertEquals(Set.of("sciatica_pain_change_total"), GrafanaDashboards.metricNames(
                "sum by (direction) (increase(sciatica_pain_change_total{site=~\"$site\"}[$__range]))"));
        assertEquals(Set.of("sciatica_flow_seconds_bucket", "sciatica_outbox_backlog"), GrafanaDashboards.metricNames(
                "histogram_quantile(0.95, sum by (le) (rate(sciatica_flow_seconds_bucket{from=\"intake\"}[5m])))"
                        + " / on(site) group_left sciatica_outbox_backlog offset 1h"));
        assertEquals(Set.of("sciatica_cases_opened_total"),
                GrafanaDashboards.metricNames("label_values(sciatica_cases_opened_total, site)"));
    }

    /** The series names in the first column of METRICS.md's tables. */
    static Set<String> contractMetrics() throws IOException {
        Set<String> names = new TreeSet<>();
        Matcher row = Pattern.compile("^\\| `([a-z_:][a-z0-9_:]*)` \\|", Pattern.MULTILINE).matcher(Files.readString(CONTRACT));
        while (row.find()) {
            names.add(row.group(1));
        }
        assertTrue(names.size() > 10, "METRICS.md lists the contract");
        return names;
    }
}
