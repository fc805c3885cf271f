package care.sciatica.session.api;

import care.sciatica.session.SessionTestResources;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static care.sciatica.session.api.SessionApi.consented;
import static care.sciatica.session.api.SessionApi.lumbarPlan;
import static care.sciatica.session.api.SessionApi.step;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * Numbers are exact: a fraction (or a number written as a string) for a whole-number field of a step's parameters or
 * a pain score is refused with a problem naming the field, never rounded, and nothing is stored.
 */
@QuarkusTest
@SessionTestResources
@TestSecurity(user = "therapist.north", roles = "therapist")
@OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
class ExactNumbersTest {

    @Inject
    Pool pool;

    private SessionApi api;

    @BeforeEach
    void api() {
        api = new SessionApi(pool);
    }

    @ParameterizedTest(name = "{0} {1} = {2}")
    @CsvSource({
            "ICE_MASSAGE, iceCubesAtOnce, 1.5",
            "ICE_MASSAGE, iceCubesAtOnce, 2.5",
            "ICE_MASSAGE, iceCubesAtOnce, '\"2\"'",
            "HIP_TRACTION, minutes, 5.5",
            "HEAT, minutes, 4.0001",
            "MASSAGE_LEG_UNDER_HEAT, minutes, '\"5\"'"})
    void aFractionForAWholeNumberOfAStepIsRefusedNamingTheField(String step, String field, String value) {
        String caseId = api.planReady(lumbarPlan());
        String sessionId = consented(caseId);

        api.assertRefusedWithNothingStored(caseId, sessionId, () -> post(sessionId, "steps",
                "{\"step\":\"" + step + "\",\"outcome\":\"PERFORMED\",\"parameters\":{\"regions\":[\"LEFT_HIP\"],\""
                        + field + "\":" + value + "}}")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("parameters." + field))));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"pain-before, 6.5", "pain-before, 0.1", "pain-before, '\"6\"'", "pain-after, 3.5"})
    void aFractionalPainScoreIsRefusedNamingTheField(String operation, String nrs) {
        String caseId = api.planReady(lumbarPlan());
        String sessionId = consented(caseId);
        if (operation.equals("pain-after")) {
            step(sessionId, "PALPATION", Map.of("sites", List.of("LUMBAR_SPINE"))).statusCode(200);
        }

        api.assertRefusedWithNothingStored(caseId, sessionId, () -> post(sessionId, operation, "{\"nrs\":" + nrs + "}")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("nrs"))));
    }

    private static io.restassured.response.Response post(String sessionId, String operation, String json) {
        return given().contentType("application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(json).post("/sessions/" + sessionId + "/" + operation);
    }
}
