package care.sciatica.platform.audit;

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

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@ChassisTestResources
class AuditLogTest {

    @Inject
    Pool pool;

    @Test
    @TestSecurity(user = "lead.north", roles = {"clinical-lead", "front-desk"})
    @OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
    void aStateChangeIsAuditedWithWhoWhatWhereAndWhen() {
        String id = given().contentType("application/json")
                .body(Map.of("siteId", "site-north", "label", "audited", "kind", "ENVELOPE", "sequence", 4))
                .post("/parcels").then().statusCode(200).extract().path("id");

        given().get("/audit?siteId=site-north&caseId=" + id)
                .then().statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].actor", equalTo("lead.north"))
                .body("[0].action", equalTo("parcel.created"))
                .body("[0].siteId", equalTo("site-north"))
                .body("[0].detail", equalTo("kind=ENVELOPE"));
    }

    @Test
    @TestSecurity(user = "lead.north", roles = "clinical-lead")
    @OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
    void anotherSitesTrailIsRefused() {
        given().get("/audit?siteId=site-south").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "therapist.north", roles = "therapist")
    @OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
    void aTherapistCannotReadTheTrail() {
        given().get("/audit?siteId=site-north").then().statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("Your role does not allow this operation"));
    }

    @Test
    void entriesCannotBeChangedOrDeleted() {
        pool.query("INSERT INTO audit_entry (actor, action, site_id) VALUES ('lead.north', 'test.entry', 'site-north')")
                .execute().await().indefinitely();

        assertThatThrownBy(() -> pool.query("UPDATE audit_entry SET actor = 'someone else'").execute()
                .await().indefinitely()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> pool.query("DELETE FROM audit_entry").execute().await().indefinitely())
                .hasMessageContaining("append-only");
    }
}
