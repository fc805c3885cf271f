package care.sciatica.console;

import care.sciatica.contracts.EventType;
import care.sciatica.local.TopicReader;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The page's event stream over HTTP: a change of a case of the site arrives as an event named case-changed. */
@QuarkusTest
@ConsoleTestResources
class LiveFeedHttpTest {

    @TestHTTPResource("/sites/site-north/live")
    URL live;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    @TestSecurity(user = "therapist.north", roles = "therapist")
    @OidcSecurity(claims = @Claim(key = "sites", value = "site-north"))
    void aChangeOfACaseOfTheSiteIsStreamedToItsPages() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        String caseId = UUID.randomUUID().toString();
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try (HttpClient http = HttpClient.newHttpClient(); TopicReader topics = new TopicReader(bootstrapServers)) {
            HttpResponse<java.io.InputStream> response = http.send(HttpRequest.newBuilder(URI.create(live.toString()))
                    .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
            reader.submit(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        lines.add(line);
                    }
                }
                return null;
            });
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                topics.send(TopicReader.cloudEvent(EventType.PLAN_ISSUED, caseId, "site-north",
                        UUID.randomUUID().toString(), "{}"));
                assertThat(lines).contains("data:" + caseId);
            });
            assertThat(lines).contains("event:case-changed");
            response.body().close();
        } finally {
            reader.shutdownNow();
        }
        // Another site's stream is not the caller's.
        given().get("/sites/site-south/live").then().statusCode(404);
    }
}
