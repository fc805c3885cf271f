package care.sciatica.intake.api;

import care.sciatica.intake.Calls;
import care.sciatica.intake.Fixtures;
import care.sciatica.intake.IntakeTestResources;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static care.sciatica.intake.Calls.get;
import static care.sciatica.intake.Calls.post;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

/** Each test works on a site of its own, so that the lists and counts are exactly what it wrote. */
@QuarkusTest
@IntakeTestResources
class SiteResourceTest {

    private static final String TODAY = LocalDate.now(ZoneId.of("Europe/London")).toString();
    private static final String YESTERDAY = LocalDate.now(ZoneId.of("Europe/London")).minusDays(1).toString();

    @Inject
    Pool pool;

    @Test
    @TestSecurity(user = "frontdesk.east", roles = "front-desk")
    @OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-east\"]", type = ClaimType.JSON_ARRAY))
    void aSitesCasesAreListedNewestFirstAPageAtATimeAndFiltered() {
        String first = post("/intakes", Fixtures.intake("site-east")).statusCode(201).extract().path("caseId");
        String second = post("/intakes", Fixtures.intake("site-east")).statusCode(201).extract().path("caseId");
        String open = Calls.openCase("site-east", "Cador", "Rowse");

        get("/sites/site-east/cases").statusCode(200)
                .body("totalItems", equalTo(3))
                .body("page", equalTo(0))
                .body("size", equalTo(20))
                .body("items.caseId", equalTo(List.of(open, second, first)))
                .body("items[1].status", equalTo("HISTORY_RECORDED"))
                .body("items[1].siteId", equalTo("site-east"))
                .body("items[1].externalRefs[0].system", equalTo("bookwise"))
                .body("items", everyItem(not(hasKey("givenName"))))
                .body("items", everyItem(not(hasKey("history"))));
        get("/sites/site-east/cases?size=2").statusCode(200)
                .body("items.caseId", equalTo(List.of(open, second)))
                .body("totalPages", equalTo(2));
        get("/sites/site-east/cases?size=2&page=1").statusCode(200).body("items.caseId", equalTo(List.of(first)));
        get("/sites/site-east/cases?status=OPEN").statusCode(200)
                .body("items.caseId", equalTo(List.of(open)))
                .body("items[0].patientRef", equalTo(patientOf(open)));
        get("/sites/site-east/cases?status=HISTORY_RECORDED&openedFrom=" + TODAY + "&openedTo=" + TODAY)
                .statusCode(200).body("totalItems", equalTo(2));
        get("/sites/site-east/cases?openedTo=" + YESTERDAY).statusCode(200)
                .body("totalItems", equalTo(0)).body("items", hasSize(0));
    }

    @Test
    @TestSecurity(user = "frontdesk.east", roles = "front-desk")
    @OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-east\"]", type = ClaimType.JSON_ARRAY))
    void anotherSiteIsUnknown() {
        get("/sites/site-north/cases").statusCode(404).contentType("application/problem+json");
        get("/sites/site-north/case-counts").statusCode(404).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "ops.chain", roles = "ops")
    @OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-west\", \"site-far\"]", type = ClaimType.JSON_ARRAY))
    void opsSeesCountsByStatusAndNothingElse() {
        Fixtures.caseAt(pool, "site-west", "OPEN");
        Fixtures.caseAt(pool, "site-west", "HISTORY_RECORDED");
        Fixtures.caseAt(pool, "site-west", "HISTORY_RECORDED");

        get("/sites/site-west/case-counts").statusCode(200)
                .body("siteId", equalTo("site-west"))
                .body("byStatus", equalTo(Map.of("OPEN", 1, "HISTORY_RECORDED", 2)))
                .body("total", equalTo(3))
                .body("$", not(hasKey("items")));
        get("/sites/site-west/case-counts?openedTo=" + YESTERDAY).statusCode(200).body("total", equalTo(0));
        get("/sites/site-far/case-counts").statusCode(200)
                .body("byStatus", equalTo(Map.of("OPEN", 0, "HISTORY_RECORDED", 0)));
        get("/sites/site-north/case-counts").statusCode(404);
        get("/sites/site-west/cases").statusCode(403);
    }

    private static String patientOf(String caseId) {
        return get("/cases/" + caseId).statusCode(200).extract().path("patientRef");
    }
}
