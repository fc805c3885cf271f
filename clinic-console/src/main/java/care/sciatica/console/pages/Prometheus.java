package care.sciatica.console.pages;

import care.sciatica.console.services.Answers;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Instant queries against Prometheus' HTTP API for the operations board's rates and percentiles. Prometheus is
 * optional (the local run may not have it): an unreachable or failing Prometheus gives an empty answer, never an error.
 */
@ApplicationScoped
public class Prometheus {

    /** One series of an instant query: its label text and value. */
    @TemplateData
    public record Sample(String label, double value) {
    }

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    public Prometheus(@ConfigProperty(name = "sciatica.console.prometheus-url") String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The series of {@code promql} labelled by {@code labels} (joined with " / "), or empty when not available. */
    public Optional<List<Sample>> query(String promql, String... labels) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/query?query="
                            + URLEncoder.encode(promql, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            JsonNode body = Answers.json().readTree(response.body());
            List<Sample> samples = new ArrayList<>();
            for (JsonNode result : body.path("data").path("result")) {
                List<String> parts = new ArrayList<>();
                for (String label : labels) {
                    parts.add(result.path("metric").path(label).asText("-"));
                }
                double value = Double.parseDouble(result.path("value").path(1).asText("NaN"));
                samples.add(new Sample(parts.isEmpty() ? "value" : String.join(" / ", parts), value));
            }
            return Optional.of(samples);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return Optional.empty();
        }
    }
}
