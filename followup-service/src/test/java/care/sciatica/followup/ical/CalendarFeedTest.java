package care.sciatica.followup.ical;

import care.sciatica.followup.FollowUpTestResources;
import care.sciatica.followup.persistence.AppointmentRow;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.LocalDate;

import static care.sciatica.followup.StoredAppointments.NORTH_THERAPIST;
import static care.sciatica.followup.StoredAppointments.at;
import static care.sciatica.followup.StoredAppointments.freshWednesday;
import static care.sciatica.followup.StoredAppointments.store;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The iCalendar feeds, parsed back with ical4j as a subscribed calendar would read them. */
@QuarkusTest
@FollowUpTestResources
@TestSecurity(user = "booking.north", roles = "booking-system")
@OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
class CalendarFeedTest {

    @Test
    void aRescheduleBumpsTheSequenceAndACancellationShowsAsCancelled() throws Exception {
        LocalDate day = freshWednesday();
        AppointmentRow row = store("site-north", NORTH_THERAPIST, at(day, "12:00"));

        VEvent proposed = eventOf(feed("/calendars/sites/site-north.ics"), row);
        assertThat(value(proposed, Property.SEQUENCE)).isEqualTo("0");
        assertThat(value(proposed, Property.STATUS)).isEqualTo("TENTATIVE");
        assertThat(value(proposed, Property.DTSTAMP)).isNotBlank();

        given().contentType(ContentType.JSON).body("{\"start\":\"" + at(day, "17:00") + "\"}")
                .post("/appointments/" + row.id + "/reschedule").then().statusCode(200);
        VEvent moved = eventOf(feed("/calendars/therapists/" + NORTH_THERAPIST + ".ics"), row);
        assertThat(value(moved, Property.SEQUENCE)).isEqualTo("1");
        assertThat(value(moved, Property.DTSTART)).isEqualTo(at(day, "17:00").toString().replace("-", "")
                .replace(":", ""));

        given().contentType(ContentType.JSON).body("{\"reason\":\"CLINIC_REQUEST\"}")
                .post("/appointments/" + row.id + "/cancellation").then().statusCode(200);
        VEvent cancelled = eventOf(feed("/calendars/sites/site-north.ics"), row);
        assertThat(value(cancelled, Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(value(cancelled, Property.SEQUENCE)).isEqualTo("2");
    }

    @Test
    void anotherSitesFeedIsNotFound() {
        given().get("/calendars/sites/site-south.ics").then().statusCode(404);
    }

    private static Calendar feed(String path) throws Exception {
        String body = given().get(path).then().statusCode(200).contentType("text/calendar").extract().asString();
        return new CalendarBuilder().build(new StringReader(body));
    }

    private static VEvent eventOf(Calendar calendar, AppointmentRow row) {
        return calendar.<VEvent>getComponents(Component.VEVENT).stream()
                .filter(event -> row.id.toString().equals(value(event, Property.UID)))
                .findFirst().orElseThrow(() -> new AssertionError("No VEVENT with UID " + row.id));
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElse(null);
    }
}
