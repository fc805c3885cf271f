package care.sciatica.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Grafana dashboards in {@code deploy/grafana/dashboards} and the metric names their PromQL queries (panel targets
 * and template variables) ask for; read by the build's contract check and by the system test that holds them against
 * what the running services export.
 */
public final class GrafanaDashboards {

    /** PromQL words that are not metric names. */
    private static final Set<String> PROMQL_WORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "and", "or", "unless", "offset", "bool", "inf", "nan");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w$.])([a-zA-Z_:][a-zA-Z0-9_:]*)\\b(\\s*\\()?");

    private GrafanaDashboards() {
    }

    /** The dashboard files of the repository, in name order. */
    public static List<Path> files() {
        try (Stream<Path> files = Files.list(RepositoryLayout.root().resolve("deploy/grafana/dashboards"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Dashboard file name → the metric names it queries. */
    public static Map<String, Set<String>> queriedMetricsByDashboard() {
        Map<String, Set<String>> byDashboard = new LinkedHashMap<>();
        for (Path file : files()) {
            byDashboard.put(file.getFileName().toString(), queriedMetrics(read(file)));
        }
        return byDashboard;
    }

    public static JsonNode read(Path file) {
        try {
            return JsonMapper.builder().build().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable dashboard " + file, e);
        }
    }

    /** Metric names in every PromQL expression of the dashboard: panel targets and template variable queries. */
    public static Set<String> queriedMetrics(JsonNode dashboard) {
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

    /** The metric names one PromQL expression selects (functions, keywords, labels and strings left out). */
    public static Set<String> metricNames(String promql) {
        String text = promql
                .replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")                    // string literals
                .replaceAll("\\{[^}]*}", " ")                                       // label matchers
                .replaceAll("\\[[^]]*]", " ")                                       // range selectors
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ") // grouping labels
                .replaceAll("label_values\\(([^,)]*),[^)]*\\)", "$1");              // Grafana's label_values(metric, label)
        Set<String> names = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(text);
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
