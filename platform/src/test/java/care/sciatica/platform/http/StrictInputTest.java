package care.sciatica.platform.http;

import care.sciatica.platform.testapp.ChassisTestResources;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Request bodies are read exactly as documented, or refused with a problem naming the field; nothing is stored. */
@QuarkusTest
@ChassisTestResources
@TestSecurity(user = "frontdesk.north", roles = "front-desk")
@OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
class StrictInputTest {

    private static final String VALID = "{\"siteId\":\"site-north\",\"label\":\"x\",\"kind\":\"BOX\",\"sequence\":1}";

    @Inject
    Pool pool;

    @Test
    void aDuplicateKeyIsMalformed() {
        refused("{\"siteId\":\"site-north\",\"label\":\"x\",\"kind\":\"BOX\",\"sequence\":1,\"sequence\":2}")
                .body("type", equalTo("https://sciatica.care/problems/malformed-json"))
                .body("detail", containsString("Duplicate field 'sequence'"));
    }

    @Test
    void anythingAfterTheDocumentIsRefused() {
        refused(VALID + " []").body("type", equalTo("https://sciatica.care/problems/malformed-json"));
        refused(VALID + VALID).body("type", equalTo("https://sciatica.care/problems/malformed-json"));
        refused(VALID + " x").body("type", equalTo("https://sciatica.care/problems/malformed-json"));
    }

    @Test
    void anUnknownFieldIsNamed() {
        refused("{\"siteId\":\"site-north\",\"label\":\"x\",\"kind\":\"BOX\",\"sequence\":1,\"colour\":\"red\"}")
                .body("errors[0].field", equalTo("colour"))
                .body("errors[0].reason", equalTo("unknown field"));
    }

    @Test
    void anEnumOrdinalIsNotAName() {
        refused("{\"siteId\":\"site-north\",\"label\":\"x\",\"kind\":0,\"sequence\":1}")
                .body("errors[0].field", equalTo("kind"));
    }

    @Test
    void anIntegerIsNeitherAFractionNorAString() {
        refused("{\"siteId\":\"site-north\",\"label\":\"x\",\"kind\":\"BOX\",\"sequence\":6.5}")
                .body("errors[0].field", equalTo("sequence"));
        refused("{\"siteId\":\"site-north\",\"label\":\"x\",\"kind\":\"BOX\",\"sequence\":\"6\"}")
                .body("errors[0].field", equalTo("sequence"));
    }

    @Test
    void aStringIsNotANumber() {
        refused("{\"siteId\":\"site-north\",\"label\":42,\"kind\":\"BOX\",\"sequence\":1}")
                .body("errors[0].field", equalTo("label"));
    }

    @Test
    void controlCharactersAndLoneSurrogatesAreRefusedInEveryString() {
        refused("{\"siteId\":\"site-north\",\"label\":\"a\\u0000b\",\"kind\":\"BOX\",\"sequence\":1}")
                .body("errors[0].field", equalTo("label"))
                .body("errors[0].reason", containsString("U+0000"));
        refused("{\"siteId\":\"site-north\",\"label\":\"a\\u001bb\",\"kind\":\"BOX\",\"sequence\":1}")
                .body("errors[0].field", equalTo("label"));
        refused("{\"siteId\":\"site-north\",\"label\":\"a\\ud800b\",\"kind\":\"BOX\",\"sequence\":1}")
                .body("errors[0].field", equalTo("label"))
                .body("errors[0].reason", containsString("surrogate"));
    }

    @Test
    void aSiteIdOutsideItsAlphabetIsRefusedBeforeAnyQuery() {
        refused("{\"siteId\":\"' OR '1'='1\",\"label\":\"x\",\"kind\":\"BOX\",\"sequence\":1}")
                .body("errors[0].field", equalTo("siteId"));
    }

    @Test
    void aHugeUnknownValueIsQuotedAsAShortExcerpt() {
        String body = given().contentType("application/json")
                .body("{\"siteId\":\"site-north\",\"label\":\"x\",\"kind\":\"" + "B".repeat(100_000)
                        + "\",\"sequence\":1}")
                .post("/parcels")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("kind"))
                .extract().asString();
        assertThat(body.length()).isLessThan(1000);
    }

    @Test
    void aTooLongValueTheDatabaseWouldRefuseIsA400() {
        refused("{\"siteId\":\"site-north\",\"label\":\"" + "x".repeat(500) + "\",\"kind\":\"BOX\",\"sequence\":1}");
    }

    @Test
    void aMalformedPathIdIsAProblem() {
        given().get("/parcels/not-a-uuid")
                .then().statusCode(org.hamcrest.Matchers.oneOf(400, 404)).contentType("application/problem+json");
    }

    @Test
    void theFrameworksOwnRefusalsAreProblems() {
        given().get("/no/such/route/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://sciatica.care/problems/not-found"));
        given().delete("/parcels")
                .then().statusCode(405).contentType("application/problem+json")
                .body("type", equalTo("https://sciatica.care/problems/method-not-allowed"));
        given().accept("text/html").get("/parcels/" + UUID.randomUUID())
                .then().statusCode(406).contentType("application/problem+json")
                .body("type", equalTo("https://sciatica.care/problems/not-acceptable"));
        given().contentType("text/plain").body(VALID).post("/parcels")
                .then().statusCode(415).contentType("application/problem+json")
                .body("type", equalTo("https://sciatica.care/problems/unsupported-media-type"));
    }

    @Test
    void aRequestNotAnsweredInTimeIsA503ProblemWithRetryAfter() {
        given().get("/parcels/slow")
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "1")
                .body("type", equalTo("https://sciatica.care/problems/request-timeout"));
    }

    @Test
    void anAuthenticatedReadIsNotCached() {
        given().get("/parcels/" + UUID.randomUUID())
                .then().statusCode(404).header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff");
    }

    private ValidatableResponse refused(String body) {
        long before = parcels();
        ValidatableResponse answer = given().contentType("application/json").body(body).post("/parcels")
                .then().statusCode(400).contentType("application/problem+json").body("status", equalTo(400));
        assertThat(parcels()).isEqualTo(before);
        return answer;
    }

    private long parcels() {
        return pool.query("SELECT count(*) FROM parcel").executeAndAwait().iterator().next().getLong(0);
    }
}
