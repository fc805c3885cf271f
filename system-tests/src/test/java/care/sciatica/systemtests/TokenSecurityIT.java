package care.sciatica.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Against the real Keycloak: a valid token is accepted, and no token, an expired token, a token signed by another key
 * and a token for another audience are each refused with 401 by every service.
 */
class TokenSecurityIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SERVICES = List.of("intake-service", "assessment-service", "session-service",
            "followup-service");
    /** A read every service answers for a therapist of site-north (an empty list). */
    private static final String PROBE = "/audit?siteId=site-north";

    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.shared();
        platform.keycloakAdmin().createPublicClient("short-lived-app", true, 20);
        platform.keycloakAdmin().createPublicClient("other-audience-app", false, null);
    }

    @Test
    void aValidTokenIsAccepted() {
        String token = platform.tokenFor("lead.north");
        SERVICES.forEach(service -> assertThat(status(service, token)).as(service).isEqualTo(200));
    }

    @Test
    void noTokenIsRefused() {
        SERVICES.forEach(service -> assertThat(given().baseUri(platform.baseUrl(service)).get(PROBE).statusCode())
                .as(service).isEqualTo(401));
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        String token = platform.tokenFor("lead.north", "short-lived-app");
        Instant expiry = Instant.ofEpochSecond(claims(token).get("exp").asLong());

        // The same token, before and after its expiry: only the expiry differs.
        assertThat(status("intake-service", token)).isEqualTo(200);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Instant.now().isAfter(expiry) && status("intake-service", token) == 401);
        SERVICES.forEach(service -> assertThat(status(service, token)).as(service).isEqualTo(401));
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() throws Exception {
        ObjectNode claims = (ObjectNode) claims(platform.tokenFor("lead.north"));
        KeyPair otherKey = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        String forged = sign(claims, otherKey);

        SERVICES.forEach(service -> assertThat(status(service, forged)).as(service).isEqualTo(401));
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() throws Exception {
        String token = platform.tokenFor("lead.north", "other-audience-app");
        assertThat(claims(token).path("aud").toString()).doesNotContain("sciatica-api");

        SERVICES.forEach(service -> assertThat(status(service, token)).as(service).isEqualTo(401));
    }

    private static int status(String service, String token) {
        return given().baseUri(platform.baseUrl(service)).auth().oauth2(token).get(PROBE).statusCode();
    }

    private static JsonNode claims(String jwt) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    /** A well-formed RS256 JWT with the real token's claims, signed by a key the realm never published. */
    private static String sign(JsonNode claims, KeyPair key) throws Exception {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"not-the-realms-key\"}"
                .getBytes(StandardCharsets.UTF_8));
        String payload = base64.encodeToString(JSON.writeValueAsBytes(claims));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key.getPrivate());
        signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + base64.encodeToString(signature.sign());
    }
}
