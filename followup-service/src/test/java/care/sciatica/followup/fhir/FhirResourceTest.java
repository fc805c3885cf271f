package care.sciatica.followup.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import care.sciatica.followup.FollowUpTestResources;
import care.sciatica.followup.persistence.AppointmentRow;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.Slot;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static care.sciatica.followup.StoredAppointments.NORTH_THERAPIST;
import static care.sciatica.followup.StoredAppointments.at;
import static care.sciatica.followup.StoredAppointments.freshWednesday;
import static care.sciatica.followup.StoredAppointments.pastWednesday;
import static care.sciatica.followup.StoredAppointments.store;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** FHIR output read back with HAPI's own parser, as a booking system using the library would read it. */
@QuarkusTest
@FollowUpTestResources
@TestSecurity(user = "booking.north", roles = "booking-system")
@OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
class FhirResourceTest {

    @Inject
    FhirContext fhir;

    @Test
    void anAppointmentReadsAsFhirR4() {
        LocalDate day = freshWednesday();
        AppointmentRow row = store("site-north", NORTH_THERAPIST, at(day, "10:30"));

        String body = given().get("/fhir/Appointment/" + row.id)
                .then().statusCode(200).contentType("application/fhir+json").extract().asString();

        Appointment appointment = parser().parseResource(Appointment.class, body);
        assertThat(appointment.getIdElement().getIdPart()).isEqualTo(row.id.toString());
        assertThat(appointment.getStatus()).isEqualTo(Appointment.AppointmentStatus.PROPOSED);
        assertThat(appointment.getStart().toInstant()).isEqualTo(at(day, "10:30"));
        assertThat(appointment.getMinutesDuration()).isEqualTo(45);
        assertThat(appointment.getParticipant()).extracting(p -> p.getActor().getIdentifier().getValue())
                .contains(row.patientRef, NORTH_THERAPIST);
        assertThat(appointment.getParticipant()).extracting(p -> p.getActor().getReference())
                .contains("Location/site-north");
    }

    @Test
    void aSearchFindsTheConfirmedAppointmentByPatientDateLocationAndStatus() {
        LocalDate day = freshWednesday();
        AppointmentRow row = store("site-north", NORTH_THERAPIST, at(day, "11:15"));
        given().post("/appointments/" + row.id + "/confirmation").then().statusCode(200);

        String body = given().queryParam("patient", row.patientRef).queryParam("date", day.toString())
                .queryParam("location", "Location/site-north").queryParam("status", "booked")
                .get("/fhir/Appointment")
                .then().statusCode(200).contentType("application/fhir+json").extract().asString();

        Bundle bundle = parser().parseResource(Bundle.class, body);
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        assertThat(bundle.getTotal()).isEqualTo(1);
        Appointment found = (Appointment) bundle.getEntryFirstRep().getResource();
        assertThat(found.getStatus()).isEqualTo(Appointment.AppointmentStatus.BOOKED);
        assertThat(found.getMeta().getVersionId()).isEqualTo("1");
        assertThat(bundle.getEntryFirstRep().getFullUrl()).endsWith("/fhir/Appointment/" + row.id);

        String none = given().queryParam("patient", row.patientRef).queryParam("status", "cancelled")
                .get("/fhir/Appointment").then().statusCode(200).extract().asString();
        assertThat(parser().parseResource(Bundle.class, none).getTotal()).isZero();
        given().queryParam("status", "maybe").get("/fhir/Appointment")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aRecordedAttendanceReadsAsFulfilledOrNoShow() {
        LocalDate day = pastWednesday();
        AppointmentRow came = store("site-north", NORTH_THERAPIST, at(day, "09:00"), "CONFIRMED");
        AppointmentRow missed = store("site-north", NORTH_THERAPIST, at(day, "09:45"), "CONFIRMED");
        given().contentType("application/json").body("{\"outcome\":\"ATTENDED\"}")
                .post("/appointments/" + came.id + "/attendance").then().statusCode(200);
        given().contentType("application/json").body("{\"outcome\":\"NO_SHOW\"}")
                .post("/appointments/" + missed.id + "/attendance").then().statusCode(200);

        Appointment fulfilled = parser().parseResource(Appointment.class,
                given().get("/fhir/Appointment/" + came.id).then().statusCode(200).extract().asString());
        assertThat(fulfilled.getStatus()).isEqualTo(Appointment.AppointmentStatus.FULFILLED);
        assertThat(fulfilled.getMeta().getVersionId()).isEqualTo("1");

        Bundle noShows = parser().parseResource(Bundle.class, given().queryParam("patient", missed.patientRef)
                .queryParam("status", "noshow").get("/fhir/Appointment").then().statusCode(200).extract().asString());
        assertThat(noShows.getTotal()).isEqualTo(1);
        assertThat(((Appointment) noShows.getEntryFirstRep().getResource()).getStatus())
                .isEqualTo(Appointment.AppointmentStatus.NOSHOW);
    }

    @Test
    void aTherapistsScheduleOffersTheFreeSlotsOfADay() {
        LocalDate day = freshWednesday();
        store("site-north", NORTH_THERAPIST, at(day, "09:00"));

        Bundle schedules = parser().parseResource(Bundle.class, given().queryParam("actor", "Practitioner/" + NORTH_THERAPIST)
                .get("/fhir/Schedule").then().statusCode(200).extract().asString());
        assertThat(schedules.getTotal()).isEqualTo(1);
        Schedule schedule = (Schedule) schedules.getEntryFirstRep().getResource();
        assertThat(schedule.getIdElement().getIdPart()).isEqualTo("site-north.st-8H3L5V2P");

        Bundle slots = parser().parseResource(Bundle.class, given()
                .queryParam("schedule", "Schedule/site-north.st-8H3L5V2P").queryParam("start", day.toString())
                .get("/fhir/Slot").then().statusCode(200).extract().asString());

        // Ten 45-minute slots (five before lunch, five after), less the one already booked at 09:00.
        assertThat(slots.getTotal()).isEqualTo(9);
        Slot first = (Slot) slots.getEntryFirstRep().getResource();
        assertThat(first.getStatus()).isEqualTo(Slot.SlotStatus.FREE);
        assertThat(first.getStart().toInstant()).isEqualTo(at(day, "09:45"));
        assertThat(first.getSchedule().getReference()).isEqualTo("Schedule/site-north.st-8H3L5V2P");
    }

    @Test
    void anotherSitesAppointmentIsNotFound() {
        AppointmentRow south = store("site-south", "st_R6T1M8C3", at(freshWednesday(), "10:00"));

        given().get("/fhir/Appointment/" + south.id).then().statusCode(404);
        String body = given().queryParam("schedule", "Schedule/site-south.st-R6T1M8C3").get("/fhir/Slot")
                .then().statusCode(200).extract().asString();
        assertThat(parser().parseResource(Bundle.class, body).getTotal()).isZero();
    }

    private IParser parser() {
        return fhir.newJsonParser();
    }
}
