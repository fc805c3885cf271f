package care.sciatica.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The few Keycloak admin calls the security tests need: adding test clients to the dev realm. */
final class KeycloakAdmin {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;

    KeycloakAdmin(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Adds a public client with direct grants and the sites claim; {@code withAudience} adds the API audience. */
    void createPublicClient(String clientId, boolean withAudience, Integer accessTokenLifespanSeconds) {
        var client = JSON.createObjectNode()
                .put("clientId", clientId)
                .put("publicClient", true)
                .put("directAccessGrantsEnabled", true)
                .put("standardFlowEnabled", false);
        if (accessTokenLifespanSeconds != null) {
            client.putObject("attributes").put("access.token.lifespan", accessTokenLifespanSeconds.toString());
        }
        var mappers = client.putArray("protocolMappers");
        mappers.addObject().put("name", "sites").put("protocol", "openid-connect")
                .put("protocolMapper", "oidc-usermodel-attribute-mapper")
                .putObject("config").put("user.attribute", "sites").put("claim.name", "sites")
                .put("jsonType.label", "String").put("multivalued", "true").put("access.token.claim", "true");
        if (withAudience) {
            mappers.addObject().put("name", "audience").put("protocol", "openid-connect")
                    .put("protocolMapper", "oidc-audience-mapper")
                    .putObject("config").put("included.custom.audience", "sciatica-api")
                    .put("access.token.claim", "true");
        }
        send("POST", "/admin/realms/clinic/clients", client.toString(), 201);
    }

    /** Adds a user with one realm role, the given sites and the password {@code demo} (tests only). */
    void createUser(String username, String realmRole, String... sites) {
        var user = JSON.createObjectNode().put("username", username).put("enabled", true)
                .put("emailVerified", true).put("firstName", "Test").put("lastName", "User")
                .put("email", username + "@example.org");
        var siteList = user.putObject("attributes").putArray("sites");
        for (String site : sites) {
            siteList.add(site);
        }
        user.putArray("credentials").addObject().put("type", "password").put("value", "demo")
                .put("temporary", false);
        send("POST", "/admin/realms/clinic/users", user.toString(), 201);
        String id = get("/admin/realms/clinic/users?exact=true&username=" + username).get(0).get("id").asText();
        JsonNode role = get("/admin/realms/clinic/roles/" + realmRole);
        send("POST", "/admin/realms/clinic/users/" + id + "/role-mappings/realm", "[" + role + "]", 204);
    }

    private JsonNode get(String path) {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Authorization", "Bearer " + adminToken(http)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException("Keycloak admin call failed", e);
        }
    }

    private void send(String method, String path, String body, int expected) {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Authorization", "Bearer " + adminToken(http))
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected && response.statusCode() != 409) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
        } catch (Exception e) {
            throw new IllegalStateException("Keycloak admin call failed", e);
        }
    }

    /** The bootstrap admin of the dev distribution (admin/admin, dev-only). */
    private String adminToken(HttpClient http) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(baseUrl + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=password&client_id=admin-cli&username=admin&password=admin"))
                .build(), HttpResponse.BodyHandlers.ofString());
        JsonNode token = JSON.readTree(response.body());
        return token.get("access_token").asText();
    }
}
