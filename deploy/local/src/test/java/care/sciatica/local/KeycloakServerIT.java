package care.sciatica.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KeycloakServerIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final KeycloakTestResource KEYCLOAK = new KeycloakTestResource();
    private static String realmUrl;

    @BeforeAll
    static void startKeycloak() {
        long begin = System.nanoTime();
        realmUrl = KEYCLOAK.start().get("quarkus.oidc.auth-server-url");
        System.out.printf("Keycloak ready at %s in %d ms%n", realmUrl, (System.nanoTime() - begin) / 1_000_000);
    }

    @AfterAll
    static void stopKeycloak() {
        KEYCLOAK.stop();
    }

    @Test
    void aTherapistGetsATokenWithHerSitesRolesAndTheApiAudience() throws Exception {
        JsonNode claims = accessTokenClaims(Map.of(
                "grant_type", "password", "client_id", "clinic-app",
                "username", "therapist.north", "password", "demo"));

        assertEquals(List.of("site-north"), strings(claims.get("sites")));
        assertEquals(List.of("therapist"), strings(claims.path("realm_access").get("roles")));
        assertTrue(strings(claims.get("aud")).contains("sciatica-api"), claims.toString());
        assertEquals("therapist.north", claims.get("preferred_username").asText());
        assertEquals(realmUrl, claims.get("iss").asText());
        assertTrue(realmUrl.matches("http://127\\.0\\.0\\.1:\\d+/realms/clinic"), realmUrl);
    }

    @Test
    void anOpsUserCarriesBothSites() throws Exception {
        JsonNode claims = accessTokenClaims(Map.of(
                "grant_type", "password", "client_id", "clinic-app",
                "username", "ops.chain", "password", "demo"));

        assertEquals(List.of("site-north", "site-south"), strings(claims.get("sites")));
        assertEquals(List.of("ops"), strings(claims.path("realm_access").get("roles")));
    }

    @Test
    void theBookingSystemGetsAClientCredentialsTokenForItsSite() throws Exception {
        JsonNode claims = accessTokenClaims(Map.of(
                "grant_type", "client_credentials", "client_id", "booking-demo",
                "client_secret", "booking-demo-secret-dev-only"));

        assertEquals(List.of("site-north"), strings(claims.get("sites")));
        assertEquals(List.of("booking-system"), strings(claims.path("realm_access").get("roles")));
        assertTrue(strings(claims.get("aud")).contains("sciatica-api"), claims.toString());
        assertEquals("booking-demo", claims.get("azp").asText());
    }

    private static JsonNode accessTokenClaims(Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        String token = JSON.readTree(response.body()).get("access_token").asText();
        String payload = token.split("\\.")[1];
        return JSON.readTree(Base64.getUrlDecoder().decode(payload));
    }

    /** A JWT claim that may be a single string or an array of strings. */
    private static List<String> strings(JsonNode claim) {
        if (claim == null || claim.isMissingNode()) {
            return List.of();
        }
        if (claim.isTextual()) {
            return List.of(claim.asText());
        }
        return claim.valueStream().map(JsonNode::asText).sorted().toList();
    }
}
