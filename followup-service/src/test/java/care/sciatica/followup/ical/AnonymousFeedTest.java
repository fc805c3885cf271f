package care.sciatica.followup.ical;

import care.sciatica.followup.FollowUpTestResources;
import care.sciatica.followup.persistence.AppointmentRow;
import care.sciatica.followup.persistence.CalendarFeedTokenRow;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static care.sciatica.followup.StoredAppointments.at;
import static care.sciatica.followup.StoredAppointments.freshWednesday;
import static care.sciatica.followup.StoredAppointments.store;
import static care.sciatica.followup.ical.CalendarFeedTest.eventOf;
import static care.sciatica.followup.ical.CalendarFeedTest.strictlyValid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** With no bearer token at all: the secret feed opens with its token, and nothing else does. */
@QuarkusTest
@FollowUpTestResources
class AnonymousFeedTest {

    @Test
    void theSecretFeedNeedsNoBearerTokenAndEverythingElseDoes() throws Throwable {
        String therapist = "st_N4K7Q2W9";
        AppointmentRow row = store("site-north", therapist, at(freshWednesday(), "09:45"));
        String token = FeedTokens.generate();
        CalendarFeedTokenRow issued = new CalendarFeedTokenRow();
        issued.therapistRef = therapist;
        issued.tokenHash = FeedTokens.hash(token);
        issued.sites = "site-north";
        issued.createdBy = "test";
        issued.createdAt = Instant.now();
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> CalendarFeedTokenRow
                .deleteById(therapist).chain(() -> issued.persist())));

        String body = given().get("/calendars/feeds/" + token + ".ics").then().statusCode(200).extract().asString();
        assertThat(eventOf(strictlyValid(body), row)).isNotNull();

        given().get("/calendars/feeds/" + FeedTokens.generate() + ".ics").then().statusCode(404);
        given().get("/calendars/therapists/" + therapist + ".ics").then().statusCode(401);
        given().get("/fhir/metadata").then().statusCode(401);
        given().get("/fhir/Appointment/" + row.id).then().statusCode(401);
    }
}
