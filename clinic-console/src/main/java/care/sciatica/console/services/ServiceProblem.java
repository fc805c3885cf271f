package care.sciatica.console.services;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refusal a service answered with (RFC 9457 problem details), as a page shows it: the rule (the last segment of the
 * problem type, e.g. {@code ICE_CUBE_LIMIT}), the title, the explanation, and each refused field with its reason.
 */
@io.quarkus.qute.TemplateData
public record ServiceProblem(int status, String rule, String title, String detail, Map<String, String> fieldErrors) {

    static ServiceProblem of(int status, JsonNode body) {
        if (body == null || !body.isObject()) {
            return new ServiceProblem(status, null, "The service refused the request (HTTP " + status + ")", null,
                    Map.of());
        }
        String type = body.path("type").asText("");
        String rule = type.contains("/") ? type.substring(type.lastIndexOf('/') + 1) : null;
        Map<String, String> fields = new LinkedHashMap<>();
        for (JsonNode error : body.path("errors")) {
            // Two refusals of one field are both worth reading.
            fields.merge(error.path("field").asText(), error.path("reason").asText(), (a, b) -> a + "; " + b);
        }
        return new ServiceProblem(status, rule, body.path("title").asText(null), body.path("detail").asText(null),
                Map.copyOf(fields));
    }

    public boolean hasFieldErrors() {
        return !fieldErrors.isEmpty();
    }

    /** The session rule's code in the protocol's own words (e.g. ICE_CUBE_LIMIT), when the type names one. */
    public String ruleCode() {
        return rule == null ? null : rule.replace('-', '_').toUpperCase();
    }
}
