package care.sciatica.followup.api;

import care.sciatica.contracts.CloudEventAttributes;
import care.sciatica.contracts.EventJson;
import care.sciatica.contracts.EventSchemas;
import care.sciatica.contracts.EventType;
import care.sciatica.contracts.Topics;
import care.sciatica.followup.FollowUpTestResources;
import care.sciatica.followup.persistence.AppointmentRow;
import care.sciatica.local.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static care.sciatica.followup.StoredAppointments.NORTH_THERAPIST;
import static care.sciatica.followup.StoredAppointments.at;
import static care.sciatica.followup.StoredAppointments.freshWednesday;
import static care.sciatica.followup.StoredAppointments.store;
import static care.sciatica.local.TopicReader.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@FollowUpTestResources
@TestSecurity(user = "booking.north", roles = "booking-system")
@OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
class AppointmentResourceTest {

    private final TopicReader kafka = TopicReader.ofTestBroker();

    @Test
    void aBookingSystemConfirmsOnceAndTheEventFollows() throws Exception {
        AppointmentRow stored = store("site-north", NORTH_THERAPIST, at(freshWednesday(), "10:30"));
        String key = UUID.randomUUID().toString();

        for (int i = 0; i < 2; i++) {
            given().header("Idempotency-Key", key).post("/appointments/" + stored.id + "/confirmation")
                    .then().statusCode(200)
                    .body("status", equalTo("CONFIRMED"))
                    .body("sequence", equalTo(1));
        }

        ConsumerRecord<String, String> event = kafka.awaitKeyed(Topics.FOLLOWUP_EVENTS, stored.caseId.toString(), 1)
                .getFirst();
        assertThat(header(event, CloudEventAttributes.TYPE)).isEqualTo(EventType.APPOINTMENT_CONFIRMED.type());
        JsonNode data = EventJson.mapper().readTree(event.value());
        assertThat(EventSchemas.violations(EventType.APPOINTMENT_CONFIRMED, data)).isEmpty();
        assertThat(data.get("source").asText()).isEqualTo("BOOKING_SYSTEM");
        assertThat(data.get("sequence").asInt()).isEqualTo(1);
        given().get("/appointments/" + stored.id).then().statusCode(200).body("sequence", equalTo(1));
    }

    @Test
    void aRescheduleIntoATakenSlotIsAConflictAndChangesNothing() {
        LocalDate day = freshWednesday();
        AppointmentRow moving = store("site-north", NORTH_THERAPIST, at(day, "09:00"));
        store("site-north", NORTH_THERAPIST, at(day, "14:00"));

        given().contentType(ContentType.JSON).body("{\"start\":\"" + at(day, "14:00") + "\"}")
                .post("/appointments/" + moving.id + "/reschedule")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://sciatica.care/problems/appointment/slot-taken"));

        given().get("/appointments/" + moving.id).then().statusCode(200)
                .body("start", equalTo(at(day, "09:00").toString()))
                .body("sequence", equalTo(0));
    }

    @Test
    void aRescheduleOutsideOpeningHoursNamesTheStart() {
        LocalDate day = freshWednesday();
        AppointmentRow moving = store("site-north", NORTH_THERAPIST, at(day, "09:00"));

        given().contentType(ContentType.JSON).body("{\"start\":\"" + at(day, "13:30") + "\"}")
                .post("/appointments/" + moving.id + "/reschedule")
                .then().statusCode(422)
                .body("errors[0].field", equalTo("start"));
        given().contentType(ContentType.JSON).body("{}")
                .post("/appointments/" + moving.id + "/reschedule")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("start"));
    }

    @Test
    void aRescheduleBumpsTheSequenceAndACancelledAppointmentStaysCancelled() {
        LocalDate day = freshWednesday();
        AppointmentRow stored = store("site-north", NORTH_THERAPIST, at(day, "09:45"));

        given().contentType(ContentType.JSON).body("{\"start\":\"" + at(day, "15:30") + "\",\"therapistRef\":\"st_N4K7Q2W9\"}")
                .post("/appointments/" + stored.id + "/reschedule")
                .then().statusCode(200)
                .body("status", equalTo("RESCHEDULED"))
                .body("therapistRef", equalTo("st_N4K7Q2W9"))
                .body("sequence", equalTo(1));
        given().contentType(ContentType.JSON).body("{\"reason\":\"PATIENT_REQUEST\"}")
                .post("/appointments/" + stored.id + "/cancellation")
                .then().statusCode(200).body("status", equalTo("CANCELLED")).body("sequence", equalTo(2));
        given().contentType(ContentType.JSON).body("{\"reason\":\"PATIENT_REQUEST\"}")
                .post("/appointments/" + stored.id + "/cancellation")
                .then().statusCode(409)
                .body("type", equalTo("https://sciatica.care/problems/appointment/final-state"));

        given().queryParam("siteId", "site-north").queryParam("day", day.toString()).get("/appointments")
                .then().statusCode(200)
                .body("appointmentId", contains(stored.id.toString()))
                .body("status", contains("CANCELLED"));
        List<String> types = kafka.awaitKeyed(Topics.FOLLOWUP_EVENTS, stored.caseId.toString(), 2).stream()
                .map(event -> header(event, CloudEventAttributes.TYPE)).toList();
        assertThat(types).containsExactly(EventType.APPOINTMENT_RESCHEDULED.type(), EventType.APPOINTMENT_CANCELLED.type());
    }

    @Test
    void anotherSitesAppointmentIsNotFound() {
        AppointmentRow south = store("site-south", "st_R6T1M8C3", at(freshWednesday(), "10:00"));

        given().post("/appointments/" + south.id + "/confirmation")
                .then().statusCode(404).contentType("application/problem+json");
        given().queryParam("siteId", "site-south").queryParam("day", "2031-01-01").get("/appointments")
                .then().statusCode(200).body("$", org.hamcrest.Matchers.empty());
    }

    @Test
    @TestSecurity(user = "desk.north", roles = "front-desk")
    @OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
    void theFrontDeskReschedulesByHand() {
        LocalDate day = freshWednesday();
        AppointmentRow stored = store("site-north", NORTH_THERAPIST, at(day, "11:15"));
        Instant to = at(day, "16:15");

        given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"start\":\"" + to + "\"}")
                .post("/appointments/" + stored.id + "/reschedule")
                .then().statusCode(200).body("start", equalTo(to.toString()));
        given().queryParam("siteId", "site-north").queryParam("day", day.toString()).get("/appointments")
                .then().statusCode(200).body("appointmentId", hasItem(stored.id.toString()));
    }
}
