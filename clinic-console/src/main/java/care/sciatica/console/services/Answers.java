package care.sciatica.console.services;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads the services' answers: a success as plain maps and lists (what the templates read), a refusal a form can
 * act on (400, 409, 422) as a {@link ServiceProblem}, anything else as {@link ServiceRefused}.
 */
public final class Answers {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private Answers() {
    }

    /** The outcome of a command: either the body of a success or the service's problem. */
    public record Outcome(JsonNode body, ServiceProblem problem) {
        public boolean refused() {
            return problem != null;
        }
    }

    /** The outcome of a call, also when the client itself turned an error status into an exception. */
    public static Outcome outcome(Supplier<Response> call) {
        return outcome(answerOf(call));
    }

    /** A read that must succeed (see {@link #read(Response)}). */
    public static JsonNode read(Supplier<Response> call) {
        return read(answerOf(call));
    }

    /** A read of something that may not exist yet: the body, or null when the service answers 404. */
    public static JsonNode readIfFound(Supplier<Response> call) {
        try {
            return read(call);
        } catch (ServiceRefused e) {
            if (e.status() == 404) {
                return null;
            }
            throw e;
        }
    }

    private static Response answerOf(Supplier<Response> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            return e.getResponse();
        } catch (ProcessingException e) {
            // The service did not answer at all (down, or a timeout).
            throw new ServiceRefused(503, "A service did not answer: " + e.getMessage());
        }
    }

    public static Outcome outcome(Response response) {
        try (response) {
            int status = response.getStatus();
            JsonNode body = readJson(response);
            if (status >= 200 && status < 300) {
                return new Outcome(body, null);
            }
            if (status == 400 || status == 409 || status == 422) {
                return new Outcome(null, ServiceProblem.of(status, body));
            }
            throw refused(status, body);
        }
    }

    /** A read that must succeed: the body, or {@link ServiceRefused} (a form problem here is a programming error). */
    public static JsonNode read(Response response) {
        Outcome outcome = outcome(response);
        if (outcome.refused()) {
            throw new ServiceRefused(outcome.problem().status(), String.valueOf(outcome.problem().detail()));
        }
        return outcome.body();
    }

    public static Map<String, Object> map(JsonNode node) {
        return node == null || node.isNull() ? Map.of() : JSON.convertValue(node, new TypeReference<>() { });
    }

    public static List<Map<String, Object>> list(JsonNode node) {
        return node == null || !node.isArray() ? List.of() : JSON.convertValue(node, new TypeReference<>() { });
    }

    public static ObjectMapper json() {
        return JSON;
    }

    private static JsonNode readJson(Response response) {
        if (!response.hasEntity()) {
            return null;
        }
        String text;
        try {
            text = response.readEntity(String.class);
        } catch (IllegalStateException e) {
            // A response built in this JVM (a test's stand-in for a service) carries its entity as it was given.
            text = String.valueOf(response.getEntity());
        }
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            return null;
        }
    }

    private static ServiceRefused refused(int status, JsonNode body) {
        String detail = body == null ? "HTTP " + status : body.path("detail").asText("HTTP " + status);
        return new ServiceRefused(status, detail);
    }
}
