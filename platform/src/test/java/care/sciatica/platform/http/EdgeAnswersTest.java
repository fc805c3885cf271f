package care.sciatica.platform.http;

import care.sciatica.platform.testapp.ChassisTestResources;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** What a caller without a token, or with a request no endpoint could read, is answered at the door. */
@QuarkusTest
@ChassisTestResources
class EdgeAnswersTest {

    @Test
    void noTokenIsAProblemThatKeepsTheChallenge() {
        given().get("/parcels/" + UUID.randomUUID())
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("type", equalTo("https://sciatica.care/problems/unauthorized"))
                .body("status", equalTo(401));
    }

    @Test
    void aNulInThePathIsRefusedBeforeAnythingReadsIt() {
        given().urlEncodingEnabled(false).get("/parcels/a%00b")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://sciatica.care/problems/malformed-request"))
                .body("detail", containsString("U+0000"));
    }

    @Test
    void brokenPercentEncodingIsRefused() {
        given().urlEncodingEnabled(false).get("/parcels/%FF")
                .then().statusCode(400).contentType("application/problem+json");
        given().urlEncodingEnabled(false).get("/parcels/%C3%28")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aControlCharacterInAQueryParameterIsNamed() {
        given().urlEncodingEnabled(false).get("/parcels?siteId=north%1B")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("siteId"));
    }

    @Test
    void aBodyOverTheLimitIsA413Problem() {
        given().contentType("application/json").body("{\"label\":\"" + "x".repeat(300 * 1024) + "\"}")
                .post("/parcels")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("https://sciatica.care/problems/body-too-large"))
                .body("detail", containsString("256 KiB"));
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        given().get("/parcels/" + UUID.randomUUID())
                .then().statusCode(401)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
        given().get("/q/health/live")
                .then().statusCode(200).header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void swaggerUiMayNotBeFramedAndHasAPolicy() {
        given().redirects().follow(true).get("/q/swagger-ui/index.html")
                .then().statusCode(200)
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
    }

    @Test
    void aPreflightFromAnUnlistedOriginIsRefusedWithoutAllowingIt() {
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/parcels")
                .then().statusCode(403).contentType("application/problem+json")
                .header("Access-Control-Allow-Origin", nullValue())
                .body("type", equalTo("https://sciatica.care/problems/origin-not-allowed"));
    }

    @Test
    void theOpenApiDocumentDeclaresTheProblemAnswers() {
        given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("components.schemas.Problem.required", hasItems("type", "title", "status"))
                .body("paths.'/parcels'.post.responses.'415'.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"))
                .body("paths.'/parcels'.post.responses.'401'.content.'application/problem+json'", notNullValue())
                .body("paths.'/parcels/{id}'.get.responses.'404'.content.'application/problem+json'", notNullValue());
    }

    @Test
    void aProblemNeverEchoesALargeValue() {
        String body = given().urlEncodingEnabled(false).get("/parcels?" + "a".repeat(3_000) + "=%01")
                .then().statusCode(400).contentType("application/problem+json")
                .extract().asString();
        assertThat(body.length()).isLessThan(600);
    }
}
