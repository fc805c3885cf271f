package care.sciatica.platform.http;

import care.sciatica.platform.testapp.ChassisTestResources;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Random paths and ids sent from outside never become new HTTP series: only route templates label them. */
@QuarkusTest
@ChassisTestResources
class MetricLabelsTest {

    @Test
    @TestSecurity(user = "frontdesk.north", roles = "front-desk")
    @OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
    void randomPathsAndIdsLeaveTheNumberOfSeriesUnchanged() {
        Random random = new Random(13);
        sendRandomRequests(random, 5);
        List<String> before = httpSeries();

        sendRandomRequests(random, 60);

        List<String> after = httpSeries();
        assertThat(after).hasSameSizeAs(before);
        assertThat(after).noneMatch(series -> series.contains("uri=\"/parcels/") && !series.contains("{id}"));
    }

    private static void sendRandomRequests(Random random, int rounds) {
        for (int i = 0; i < rounds; i++) {
            given().get("/parcels/" + UUID.randomUUID());
            given().get("/parcels/" + random.nextInt(1_000_000));
            given().get("/" + Long.toHexString(random.nextLong()) + "/" + random.nextInt(100));
            given().header("Authorization", "Bearer not-a-token").get("/parcels/" + UUID.randomUUID());
        }
    }

    private static List<String> httpSeries() {
        return given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString()
                .lines().filter(line -> line.startsWith("http_server_requests_seconds_count{"))
                .map(line -> line.substring(0, line.lastIndexOf(' ')))
                .filter(series -> !series.contains("uri=\"/q/"))
                .sorted().toList();
    }
}
