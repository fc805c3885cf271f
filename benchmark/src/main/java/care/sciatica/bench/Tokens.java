package care.sciatica.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The demo staff's access tokens from Keycloak (direct grant, client clinic-app, password demo: dev-only), fetched
 * once and again a minute before they expire.
 */
public final class Tokens {

    private static final Duration MARGIN = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI tokenEndpoint;
    private final Map<String, Token> byUser = new ConcurrentHashMap<>();

    private record Token(String value, Instant refreshAfter) {
    }

    public Tokens(HttpClient http, URI tokenEndpoint) {
        this.http = http;
        this.tokenEndpoint = tokenEndpoint;
    }

    /** "Bearer …" for {@code user}; blocks only when a token must be fetched (once per user every few minutes). */
    public String bearer(String user) {
        Token token = byUser.compute(user, (name, current) ->
                current != null && Instant.now().isBefore(current.refreshAfter) ? current : fetch(name));
        return "Bearer " + token.value;
    }

    private Token fetch(String user) {
        String form = "grant_type=password&client_id=clinic-app&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=demo";
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + user + ": " + response.statusCode()
                        + " " + response.body());
            }
            JsonNode body = JSON.readTree(response.body());
            Duration lifespan = Duration.ofSeconds(body.get("expires_in").asLong());
            return new Token(body.get("access_token").asText(), Instant.now().plus(lifespan).minus(MARGIN));
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak is not reachable at " + tokenEndpoint + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while fetching a token", e);
        }
    }
}
