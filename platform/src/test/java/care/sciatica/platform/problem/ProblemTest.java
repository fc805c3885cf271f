package care.sciatica.platform.problem;

import care.sciatica.platform.testapp.ChassisTestResources;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@ChassisTestResources
@TestSecurity(user = "frontdesk.north", roles = "front-desk")
@OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
class ProblemTest {

    @Inject
    Pool pool;

    @Test
    void malformedJsonIsRefusedAndNothingIsStored() {
        long before = parcels();

        given().contentType("application/json").body("{\"siteId\": \"site-north\", ")
                .post("/parcels")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("title", equalTo("Malformed JSON"))
                .body("type", containsString("malformed-json"));

        assertThat(parcels()).isEqualTo(before);
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
        long before = parcels();

        given().contentType("application/json").body("{\"siteId\": \"site-north\", \"kind\": \"BOX\", \"sequence\": 1}")
                .post("/parcels")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("label"))
                .body("errors.reason", hasItem("must not be blank"));

        assertThat(parcels()).isEqualTo(before);
    }

    @Test
    void anOutOfRangeValueIsNamedWithItsLimit() {
        given().contentType("application/json")
                .body("{\"siteId\": \"site-north\", \"label\": \"x\", \"kind\": \"BOX\", \"sequence\": 11}")
                .post("/parcels")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("sequence"))
                .body("errors[0].reason", containsString("10"));
    }

    @Test
    void anUnknownEnumValueListsTheAllowedOnes() {
        given().contentType("application/json")
                .body("{\"siteId\": \"site-north\", \"label\": \"x\", \"kind\": \"CRATE\", \"sequence\": 1}")
                .post("/parcels")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("kind"))
                .body("errors[0].reason", containsString("allowed: BOX, ENVELOPE"));
    }

    @Test
    void aWrongTypeIsNamed() {
        given().contentType("application/json")
                .body("{\"siteId\": \"site-north\", \"label\": \"x\", \"kind\": \"BOX\", \"sequence\": \"three\"}")
                .post("/parcels")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("sequence"))
                .body("errors[0].reason", containsString("number"));
    }

    @Test
    void anUnknownIdIsNotFound() {
        given().get("/parcels/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", containsString("No parcel with id"));
    }

    @Test
    void aWrongContentTypeIsRefused() {
        given().contentType("text/plain").body("hello")
                .post("/parcels")
                .then().statusCode(415).contentType("application/problem+json")
                .body("status", equalTo(415));
    }

    private long parcels() {
        return pool.query("SELECT count(*) FROM parcel").execute().await().indefinitely().iterator().next().getLong(0);
    }
}
