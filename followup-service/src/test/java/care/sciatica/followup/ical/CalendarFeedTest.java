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
import net.fortuna.ical4j.validate.ValidationResult;
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

    @Test
    void everyFeedPassesStrictValidationWithOneStampPerEventEvenWhenEmpty() throws Exception {
        LocalDate day = freshWednesday();
        AppointmentRow row = store("site-north", NORTH_THERAPIST, at(day, "15:00"));

        Calendar full = feed("/calendars/sites/site-north.ics");
        assertThat(full.<VEvent>getComponents(Component.VEVENT)).allSatisfy(event ->
                assertThat(event.getProperties(Property.DTSTAMP)).hasSize(1));
        assertThat(eventOf(full, row).getProperties(Property.DTSTAMP)).hasSize(1);
        // A therapist with no appointment at the caller's sites: no VEVENT, still a valid calendar with the zone.
        Calendar empty = feed("/calendars/therapists/st_Z9Z9Z9Z9.ics");
        assertThat(empty.getComponents(Component.VEVENT)).isEmpty();
        assertThat(empty.getComponents(Component.VTIMEZONE)).hasSize(1);
    }

    @Test
    void aPollingClientGets304UntilTheFeedChanges() {
        LocalDate day = freshWednesday();
        AppointmentRow row = store("site-north", NORTH_THERAPIST, at(day, "16:00"));
        String etag = given().get("/calendars/sites/site-north.ics").then().statusCode(200).extract().header("ETag");
        assertThat(etag).startsWith("\"");

        given().header("If-None-Match", etag).get("/calendars/sites/site-north.ics")
                .then().statusCode(304).header("ETag", etag);
        given().post("/appointments/" + row.id + "/confirmation").then().statusCode(200);
        String changed = given().header("If-None-Match", etag).get("/calendars/sites/site-north.ics")
                .then().statusCode(200).extract().header("ETag");
        assertThat(changed).isNotEqualTo(etag);
    }

    /** Parses with ical4j and validates strictly (RFC 5545), as a strict client would. */
    static Calendar feed(String path) throws Exception {
        String body = given().get(path).then().statusCode(200).contentType("text/calendar").extract().asString();
        return strictlyValid(body);
    }

    static Calendar strictlyValid(String body) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(body));
        ValidationResult result = calendar.validate();
        assertThat(result.getEntries()).as(body).isEmpty();
        return calendar;
    }

    static VEvent eventOf(Calendar calendar, AppointmentRow row) {
        return calendar.<VEvent>getComponents(Component.VEVENT).stream()
                .filter(event -> row.id.toString().equals(value(event, Property.UID)))
                .findFirst().orElseThrow(() -> new AssertionError("No VEVENT with UID " + row.id));
    }

    static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElse(null);
    }
}
