package care.sciatica.platform.security;

import care.sciatica.platform.testapp.ChassisTestResources;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@ChassisTestResources
class SiteScopeTest {

    @Inject
    Pool pool;

    @Test
    @TestSecurity(user = "frontdesk.north", roles = "front-desk")
    @OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
    void aCallerSeesTheirOwnSitesRecord() {
        String id = createAtNorth();

        given().get("/parcels/" + id).then().statusCode(200).body("siteId", equalTo("site-north"));
    }

    @Test
    @TestSecurity(user = "frontdesk.south", roles = "front-desk")
    @OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-south\"]", type = ClaimType.JSON_ARRAY))
    void anotherSitesRecordAnswersNotFoundSoItsExistenceDoesNotLeak() {
        String id = createAtNorthAsSomeoneElse();

        given().get("/parcels/" + id)
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("No parcel with id " + id));
    }

    @Test
    @TestSecurity(user = "frontdesk.south", roles = "front-desk")
    @OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-south\"]", type = ClaimType.JSON_ARRAY))
    void actingForAnotherSiteIsForbidden() {
        given().contentType("application/json")
                .body(Map.of("siteId", "site-north", "label", "x", "kind", "BOX", "sequence", 1))
                .post("/parcels")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void anUnauthenticatedCallerIsRefused() {
        given().get("/parcels/00000000-0000-0000-0000-000000000000").then().statusCode(401);
    }

    private String createAtNorth() {
        return given().contentType("application/json")
                .body(Map.of("siteId", "site-north", "label", "x", "kind", "BOX", "sequence", 1))
                .post("/parcels")
                .then().statusCode(200).extract().path("id");
    }

    /** The record is written to the database directly, as another site's staff would have made it. */
    private String createAtNorthAsSomeoneElse() {
        UUID id = UUID.randomUUID();
        pool.preparedQuery("INSERT INTO parcel (id, site_id, label) VALUES ($1, 'site-north', 'theirs')")
                .execute(Tuple.of(id)).await().indefinitely();
        return id.toString();
    }
}
