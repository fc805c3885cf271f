package care.sciatica.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;

/** The short Markdown form of the figures (the JSON holds everything). */
public final class Report {

    private static final Map<String, String> MODE_NAMES = Map.of(
            "intake", "intake only, closed loop",
            "closed", "complete cases, closed loop",
            "open", "complete cases, open loop");

    private Report() {
    }

    public static String markdown(JsonNode report) {
        StringBuilder md = new StringBuilder();
        JsonNode options = report.path("options");
        md.append("### Benchmark of ").append(report.path("date").asText()).append(" (")
                .append(report.path("host").path("cores").asInt()).append(" cores)\n\n");
        md.append("| run | figure | ratio |\n|---|---|---|\n");
        JsonNode baseline = report.path("baseline");
        if (!baseline.isMissingNode()) {
            md.append("| PostgreSQL baseline: pgbench, %d clients, one ~1 KB row + one ~1 KB jsonb outbox row | %.0f tps | 1 |\n"
                    .formatted(baseline.path("clients").asInt(), baseline.path("tps").asDouble()));
        }
        JsonNode modes = report.path("modes");
        for (String mode : new String[]{"intake", "closed", "open"}) {
            JsonNode result = modes.path(mode);
            if (result.isMissingNode()) {
                continue;
            }
            String load = switch (mode) {
                case "intake" -> options.path("clients").asInt() + " front desks";
                case "closed" -> options.path("clinics").asInt() + " clinics";
                default -> options.path("rate_cases_per_s").asDouble() + " cases/s offered";
            };
            String unit = mode.equals("intake") ? "intakes/s" : "cases/s";
            String ratio = mode.equals("intake")
                    ? "%.4f of baseline tps".formatted(result.path("ratio_to_baseline_tps").asDouble())
                    : "%.3f of baseline tps ÷ 15".formatted(result.path("ratio_to_baseline_tps_over_15").asDouble());
            md.append("| %s, %s, %d s | %.2f %s | %s |\n".formatted(MODE_NAMES.get(mode), load,
                    options.path("duration_s").asInt(), result.path("per_second").asDouble(), unit, ratio));
        }

        md.append("\n| run | latency (ms) | n | p50 | p95 | p99 | max |\n|---|---|---|---|---|---|---|\n");
        for (String mode : new String[]{"intake", "closed", "open"}) {
            JsonNode latencies = modes.path(mode).path("latency_ms");
            for (Iterator<Map.Entry<String, JsonNode>> it = latencies.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (mode.equals("intake") || entry.getKey().startsWith("flow:") || mode.equals("closed")) {
                    JsonNode p = entry.getValue();
                    md.append("| %s | %s | %d | %.1f | %.1f | %.1f | %.1f |\n".formatted(mode, entry.getKey(),
                            p.path("count").asLong(), p.path("p50").asDouble(), p.path("p95").asDouble(),
                            p.path("p99").asDouble(), p.path("max").asDouble()));
                }
            }
        }

        md.append("\n| run | per case (or intake) | intake | assessment | session | followup | all |\n"
                + "|---|---|---|---|---|---|---|\n");
        for (String mode : new String[]{"intake", "closed", "open"}) {
            JsonNode cost = modes.path(mode).path("cost");
            if (cost.isMissingNode()) {
                continue;
            }
            JsonNode perUnit = cost.path("commitsPerUnit");
            double all = 0;
            for (JsonNode value : perUnit) {
                all += value.asDouble();
            }
            md.append("| %s | commits (xact_commit, reads included) | %s | %s | %s | %s | %.2f |\n".formatted(mode,
                    perUnit.path("intake").asText("-"), perUnit.path("assessment").asText("-"),
                    perUnit.path("session").asText("-"), perUnit.path("followup").asText("-"), all));
            JsonNode polls = modes.path(mode).path("polls_per_unit");
            md.append("| %s | of which the benchmark's polls (reads) | - | %s | %s | %s | |\n".formatted(mode,
                    polls.path("assessment").asText("0"), polls.path("session").asText("0"),
                    polls.path("followup").asText("0")));
            JsonNode rows = cost.path("rowsWrittenPerUnit");
            double allRows = 0;
            for (JsonNode value : rows) {
                allRows += value.asDouble();
            }
            md.append("| %s | rows written | %s | %s | %s | %s | %.2f |\n".formatted(mode,
                    rows.path("intake").asText("-"), rows.path("assessment").asText("-"),
                    rows.path("session").asText("-"), rows.path("followup").asText("-"), allRows));
            md.append("| %s | write transactions (transaction ids, whole server) | | | | | %s |\n".formatted(mode,
                    cost.path("writeTransactionsPerUnit").asText()));
        }

        md.append("\n| run | process | CPU ms per case | CPU (cores) | RSS MB | peak RSS MB |\n|---|---|---|---|---|---|\n");
        for (String mode : new String[]{"intake", "closed", "open"}) {
            JsonNode cost = modes.path(mode).path("cost");
            for (Iterator<Map.Entry<String, JsonNode>> it = cost.path("processes").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                JsonNode p = entry.getValue();
                md.append("| %s | %s | %.2f | %.2f | %d | %d |\n".formatted(mode, entry.getKey(),
                        p.path("cpuMillisPerUnit").asDouble(), p.path("cpuShareOfOneCore").asDouble(),
                        p.path("rssMb").asLong(), p.path("peakRssMb").asLong()));
            }
            if (!cost.isMissingNode()) {
                md.append("| %s | host busy (load average %s) | | %.0f %% | | |\n".formatted(mode,
                        cost.path("loadAverage").asText(), cost.path("hostBusy").asDouble() * 100));
            }
        }
        JsonNode ready = report.path("ready_after_start_s");
        if (ready.size() > 0) {
            md.append("\nReady after start (s, from the services' logs): ");
            for (Iterator<Map.Entry<String, JsonNode>> it = ready.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                md.append(entry.getKey()).append(' ').append(entry.getValue().asText()).append(it.hasNext() ? ", " : "\n");
            }
        }
        JsonNode targets = report.path("targets");
        if (targets.size() > 0) {
            md.append("\n| target | measured | met |\n|---|---|---|\n");
            for (Iterator<Map.Entry<String, JsonNode>> it = targets.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                md.append("| %s | %s | %s |\n".formatted(entry.getKey(), entry.getValue().path("measured").asText(),
                        entry.getValue().path("met").asBoolean() ? "yes" : "no"));
            }
        }
        return md.toString();
    }
}
