package care.sciatica.platform.http;

import care.sciatica.platform.testapp.ChassisTestResources;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** A booking system past its burst (8 in this test application) is told to slow down, as a problem. */
@QuarkusTest
@ChassisTestResources
@TestSecurity(user = "booking.flood", roles = "booking-system")
@OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
class ClientRateLimitTest {

    @Test
    void pastTheBurstABookingSystemGets429WithRetryAfter() {
        List<Response> answers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            answers.add(given().get("/parcels/" + UUID.randomUUID()));
        }

        assertThat(answers.subList(0, 8)).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(404));
        Response limited = answers.get(11);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(limited.header("Retry-After")).matches("[1-9][0-9]*");
        assertThat(limited.<String>path("type")).isEqualTo("https://sciatica.care/problems/rate-limited");
    }
}
