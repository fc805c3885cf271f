package care.sciatica.followup.ical;

import care.sciatica.followup.FollowUpTestResources;
import care.sciatica.followup.persistence.AppointmentRow;
import care.sciatica.followup.persistence.CalendarFeedTokenRow;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.quarkus.vertx.VertxContextSupport;
import net.fortuna.ical4j.model.Calendar;
import org.junit.jupiter.api.Test;

import static care.sciatica.followup.StoredAppointments.NORTH_THERAPIST;
import static care.sciatica.followup.StoredAppointments.at;
import static care.sciatica.followup.StoredAppointments.freshWednesday;
import static care.sciatica.followup.StoredAppointments.store;
import static care.sciatica.followup.ical.CalendarFeedTest.eventOf;
import static care.sciatica.followup.ical.CalendarFeedTest.strictlyValid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** A therapist's secret feed URL: issued by the therapist, read with no token, rotated and revoked. */
@QuarkusTest
@FollowUpTestResources
@TestSecurity(user = "therapist.north", roles = "therapist")
@OidcSecurity(claims = {@Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY),
        @Claim(key = "staff_ref", value = NORTH_THERAPIST)})
class SecretFeedTest {

    @Test
    void aTherapistSubscribesWithoutATokenRotatesAndRevokes() throws Throwable {
        AppointmentRow row = store("site-north", NORTH_THERAPIST, at(freshWednesday(), "14:45"));

        String url = given().post("/calendars/therapists/" + NORTH_THERAPIST + "/feed-url")
                .then().statusCode(201).extract().path("feedUrl");
        assertThat(url).matches("/calendars/feeds/[A-Za-z0-9_-]{43}\\.ics");
        String token = url.substring("/calendars/feeds/".length(), url.length() - ".ics".length());
        // Only the hash is stored.
        CalendarFeedTokenRow stored = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(
                () -> CalendarFeedTokenRow.<CalendarFeedTokenRow>findById(NORTH_THERAPIST)));
        assertThat(stored.tokenHash).isEqualTo(FeedTokens.hash(token)).doesNotContain(token);

        Calendar calendar = strictlyValid(given().auth().none().get(url).then().statusCode(200)
                .contentType("text/calendar").extract().asString());
        assertThat(eventOf(calendar, row)).isNotNull();

        String rotated = given().post("/calendars/therapists/" + NORTH_THERAPIST + "/feed-url")
                .then().statusCode(201).extract().path("feedUrl");
        assertThat(rotated).isNotEqualTo(url);
        given().get(url).then().statusCode(404);
        given().get(rotated).then().statusCode(200);

        given().delete("/calendars/therapists/" + NORTH_THERAPIST + "/feed-url").then().statusCode(204);
        given().get(rotated).then().statusCode(404);
        given().get("/calendars/feeds/not-a-token.ics").then().statusCode(404);
    }

    @Test
    void aTherapistCannotIssueAnotherTherapistsFeedUrl() {
        given().post("/calendars/therapists/st_N4K7Q2W9/feed-url").then().statusCode(403);
    }
}
