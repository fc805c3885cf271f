package care.sciatica.intake.api;

import care.sciatica.intake.IntakeTestResources;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

/** Every operation is in the OpenAPI document, open to read without a token, with its summary and refusals. */
@QuarkusTest
@IntakeTestResources
class OpenApiTest {

    @Test
    void theApiIsDocumented() {
        given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", hasKey("/intakes"))
                .body("paths", hasKey("/patients"))
                .body("paths", hasKey("/patients/{patientRef}"))
                .body("paths", hasKey("/patients/{patientRef}/export"))
                .body("paths", hasKey("/patients/{patientRef}/erasure"))
                .body("paths", hasKey("/cases"))
                .body("paths", hasKey("/cases/{caseId}"))
                .body("paths", hasKey("/cases/{caseId}/history"))
                .body("paths", hasKey("/cases/{caseId}/history/amendments"))
                .body("paths", hasKey("/cases/{caseId}/external-refs"))
                .body("paths", hasKey("/cases/{caseId}/reviews"))
                .body("paths.'/cases/{caseId}/reviews'.post.responses.'409'.content.'application/problem+json'",
                        notNullValue())
                .body("paths", hasKey("/sites/{siteId}/cases"))
                .body("paths", hasKey("/sites/{siteId}/case-counts"))
                .body("paths.'/cases/{caseId}/history/amendments'.post.summary", equalTo("Amend the case's history"))
                .body("paths.'/intakes'.post.responses.'400'.content.'application/problem+json'", notNullValue())
                .body("paths.'/sites/{siteId}/cases'.get.parameters.find { it.name == 'status' }.schema.enum",
                        equalTo(java.util.List.of("OPEN", "HISTORY_RECORDED")));
    }
}
