package care.sciatica.platform.idempotency;

import care.sciatica.platform.testapp.ChassisTestResources;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
@ChassisTestResources
@TestSecurity(user = "booking.bot", roles = "booking-system")
@OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
class IdempotentRequestsTest {

    @Inject
    Pool pool;

    @Test
    void aRepeatWithTheSameKeyReturnsTheFirstResultAndStoresNothingNew() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("siteId", "site-north", "label", "once", "kind", "BOX", "sequence", 2);
        long parcels = count("SELECT count(*) FROM parcel");
        long events = count("SELECT count(*) FROM outbox");

        String first = post(key, body).then().statusCode(200).extract().path("id");
        String second = post(key, body).then().statusCode(200).extract().path("id");

        assertThat(second).isEqualTo(first);
        assertThat(count("SELECT count(*) FROM parcel")).isEqualTo(parcels + 1);
        assertThat(count("SELECT count(*) FROM outbox")).isEqualTo(events + 1);
    }

    @Test
    void theSameKeyForADifferentRequestIsAConflict() {
        String key = UUID.randomUUID().toString();
        post(key, Map.of("siteId", "site-north", "label", "first", "kind", "BOX", "sequence", 2))
                .then().statusCode(200);
        long parcels = count("SELECT count(*) FROM parcel");

        post(key, Map.of("siteId", "site-north", "label", "second", "kind", "BOX", "sequence", 2))
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("different request"));

        assertThat(count("SELECT count(*) FROM parcel")).isEqualTo(parcels);
    }

    private static io.restassured.response.Response post(String key, Map<String, Object> body) {
        return given().contentType("application/json").header(IdempotentRequests.HEADER, key).body(body).post("/parcels");
    }

    private long count(String sql) {
        return pool.query(sql).execute().await().indefinitely().iterator().next().getLong(0);
    }
}
