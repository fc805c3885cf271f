package care.sciatica.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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

    /** PromQL words that are not metric names. */
    private static final Set<String> PROMQL_WORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "and", "or", "unless", "offset", "bool", "inf", "nan");

    @Test
    void everyDashboardParsesAndHasPanelsWithQueries() throws IOException {
        List<Path> files = dashboards();
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
        for (Path file : dashboards()) {
            for (String metric : queriedMetrics(Repo.readJson(file))) {
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
        for (Path file : dashboards()) {
            String name = file.getFileName().toString();
            Matcher row = Pattern.compile("^\\|[^|]*`" + Pattern.quote(name) + "`[^|]*\\|(.*)\\|\\s*$", Pattern.MULTILINE)
                    .matcher(text);
            assertTrue(row.find(), "METRICS.md has no row for " + name);
            Set<String> listed = new TreeSet<>();
            Matcher names = Pattern.compile("`([a-z_:][a-z0-9_:]*)`").matcher(row.group(1));
            while (names.find()) {
                listed.add(names.group(1));
            }
            assertEquals(new TreeSet<>(queriedMetrics(Repo.readJson(file))), listed, name);
        }
    }

    static List<Path> dashboards() throws IOException {
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
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

    /** Metric names in every PromQL expression of the dashboard: panel targets and template variable queries. */
    static Set<String> queriedMetrics(JsonNode dashboard) {
        List<String> expressions = new ArrayList<>(dashboard.findValuesAsText("expr"));
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            JsonNode query = variable.path("query");
            expressions.add(query.isObject() ? query.path("query").asText() : query.asText());
        }
        Set<String> metrics = new TreeSet<>();
        for (String expression : expressions) {
            metrics.addAll(metricNames(expression));
        }
        return metrics;
    }

    static Set<String> metricNames(String promql) {
        String text = promql
                .replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")                    // string literals
                .replaceAll("\\{[^}]*}", " ")                                       // label matchers
                .replaceAll("\\[[^]]*]", " ")                                       // range selectors
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ") // grouping labels
                .replaceAll("label_values\\(([^,)]*),[^)]*\\)", "$1");              // Grafana's label_values(metric, label)
        Set<String> names = new TreeSet<>();
        Matcher identifier = Pattern.compile("(?<![\\w$.])([a-zA-Z_:][a-zA-Z0-9_:]*)\\b(\\s*\\()?").matcher(text);
        while (identifier.find()) {
            String word = identifier.group(1);
            boolean function = identifier.group(2) != null;
            if (!function && !PROMQL_WORDS.contains(word.toLowerCase())) {
                names.add(word);
            }
        }
        return names;
    }
}
