package care.sciatica.intake.api;

import care.sciatica.intake.Fixtures;
import care.sciatica.intake.IntakeTestResources;
import care.sciatica.local.ScrapedMetrics;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@IntakeTestResources
@TestSecurity(user = "frontdesk.north", roles = "front-desk")
@OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
class CaseMetricsTest {

    private static final String OPENED = "sciatica_cases_opened_total{site=\"site-north\"}";

    @Test
    void anOpenedCaseIsCountedOnceAndARefusedIntakeIsNot() {
        double before = scrape().value(OPENED);

        given().contentType("application/json").body(Fixtures.intake("site-north").toString())
                .post("/intakes").then().statusCode(201);
        given().contentType("application/json")
                .body(Fixtures.intake("site-north", intake -> ((ObjectNode) intake.at("/history/pain")).put("nrsNow", 11)))
                .post("/intakes").then().statusCode(400);

        assertThat(scrape().value(OPENED)).isEqualTo(before + 1);
    }

    private static ScrapedMetrics scrape() {
        return new ScrapedMetrics(given().accept("text/plain").get("/q/metrics").then().statusCode(200)
                .extract().asString());
    }
}
