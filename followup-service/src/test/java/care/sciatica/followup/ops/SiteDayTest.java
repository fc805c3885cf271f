package care.sciatica.followup.ops;

import care.sciatica.contracts.EventJson;
import care.sciatica.contracts.EventType;
import care.sciatica.contracts.Topics;
import care.sciatica.followup.FollowUpTestResources;
import care.sciatica.local.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
@FollowUpTestResources
class SiteDayTest {

    private final TopicReader kafka = TopicReader.ofTestBroker();

    @Test
    @TestSecurity(user = "ops.north", roles = "ops")
    @OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
    void theDayOfABookedAppointmentCountsItWithoutNamingTheCase() throws Exception {
        String caseId = UUID.randomUUID().toString();
        ObjectNode completed = example();
        completed.put("caseId", caseId);
        completed.put("completedAt", Instant.now().toString());
        kafka.send(TopicReader.cloudEvent(EventType.SESSION_COMPLETED, caseId, "site-north",
                UUID.randomUUID().toString(), completed.toString()));
        JsonNode scheduled = EventJson.mapper().readTree(kafka.awaitKeyed(Topics.FOLLOWUP_EVENTS, caseId, 1)
                .getFirst().value());
        Instant start = Instant.parse(scheduled.get("start").asText());
        String zone = given().get("/ops/sites/site-north/days/" + LocalDate.now())
                .then().statusCode(200).extract().path("zone");
        LocalDate day = LocalDate.ofInstant(start, ZoneId.of(zone));

        String body = given().get("/ops/sites/site-north/days/" + day)
                .then().statusCode(200)
                .body("siteId", equalTo("site-north"))
                .body("day", equalTo(day.toString()))
                .body(not(containsString(caseId)))
                .extract().asString();
        assertThat(((Number) io.restassured.path.json.JsonPath.from(body).get("appointmentsByState.PROPOSED"))
                .longValue()).isPositive();
        assertThat(io.restassured.path.json.JsonPath.from(body).getLong("tasksOpen")).isNotNegative();
    }

    @Test
    @TestSecurity(user = "ops.north", roles = "ops")
    @OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
    void anotherSitesDayIsNotFound() {
        given().get("/ops/sites/site-south/days/2026-03-02").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "ops.north", roles = "ops")
    @OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
    void aBlankOrMalformedSiteIsABadRequestNotAllMySites() {
        given().get("/ops/sites/%20/days/2026-03-02").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("siteId"));
        given().get("/ops/sites/' OR '1'='1/days/2026-03-02").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "ops.north", roles = "ops")
    @OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
    void aDayThatIsNotADateIsABadRequest() {
        given().get("/ops/sites/site-north/days/yesterday").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "frontdesk.north", roles = "front-desk")
    @OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
    void theFrontDeskMayNotReadOperationsFigures() {
        given().get("/ops/sites/site-north/days/2026-03-02").then().statusCode(403);
    }

    private static ObjectNode example() throws Exception {
        try (InputStream in = SiteDayTest.class.getClassLoader()
                .getResourceAsStream(EventType.SESSION_COMPLETED.exampleResource())) {
            return (ObjectNode) EventJson.mapper().readTree(in);
        }
    }
}
