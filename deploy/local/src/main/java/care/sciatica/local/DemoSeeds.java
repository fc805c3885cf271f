package care.sciatica.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Loads the demo intakes in {@code seeds/demo/} into a running system, as each site's front desk would record them:
 * through the intake API with the site's demo log-in, each with an Idempotency-Key of its own, so that running the
 * stack again loads nothing twice.
 */
public final class DemoSeeds {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String intakeBaseUrl;
    private final String tokenEndpoint;

    public DemoSeeds(String intakeBaseUrl, String tokenEndpoint) {
        this.intakeBaseUrl = intakeBaseUrl;
        this.tokenEndpoint = tokenEndpoint;
    }

    /** Posts every {@code intake-*.json} in the folder; returns how many the intake service accepted. */
    public int load(Path folder) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(file -> file.getFileName().toString().matches("intake-.*\\.json")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list " + folder, e);
        }
        int accepted = 0;
        try (HttpClient http = HttpClient.newHttpClient()) {
            for (Path file : files) {
                accepted += post(http, file) ? 1 : 0;
            }
        }
        return accepted;
    }

    private boolean post(HttpClient http, Path file) {
        try {
            String body = Files.readString(file);
            String site = JSON.readTree(body).path("siteId").asText();
            String frontDesk = "frontdesk." + site.replaceFirst("^site-", "");
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(intakeBaseUrl + "/intakes"))
                    .header("Authorization", "Bearer " + token(http, frontDesk))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", "demo-seed-" + file.getFileName())
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                System.err.println("[local-stack] demo " + file.getFileName() + " refused (" + response.statusCode()
                        + "): " + response.body());
                return false;
            }
            return true;
        } catch (IOException e) {
            System.err.println("[local-stack] demo " + file.getFileName() + " not loaded: " + e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The demo user's token (direct grant on the public client: dev only). */
    private String token(HttpClient http, String username) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=clinic-app&password=demo&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(tokenEndpoint))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode token = JSON.readTree(response.body());
        if (!token.has("access_token")) {
            throw new IOException("no token for " + username + ": " + response.body());
        }
        return token.get("access_token").asText();
    }
}
