package care.sciatica.followup.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.gclient.TokenClientParam;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import care.sciatica.contracts.CloudEventAttributes;
import care.sciatica.contracts.EventType;
import care.sciatica.contracts.Topics;
import care.sciatica.followup.FollowUpTestResources;
import care.sciatica.followup.persistence.AppointmentRow;
import care.sciatica.local.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.RestAssured;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;

import static care.sciatica.followup.StoredAppointments.NORTH_THERAPIST;
import static care.sciatica.followup.StoredAppointments.at;
import static care.sciatica.followup.StoredAppointments.freshWednesday;
import static care.sciatica.followup.StoredAppointments.store;
import static care.sciatica.local.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A booking system built on HAPI's generic client, with its own FHIR context, as an integrator would write it: search,
 * read, and confirm, reschedule and cancel by updating the Appointment at the version it read.
 */
@QuarkusTest
@FollowUpTestResources
@TestSecurity(user = "booking.north", roles = "booking-system")
@OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
class FhirClientTest {

    private static final TokenClientParam PATIENT_IDENTIFIER = new TokenClientParam("patient:identifier");

    private final TopicReader kafka = TopicReader.ofTestBroker();

    @Test
    void aBookingSystemSearchesReadsConfirmsReschedulesAndCancelsByUpdate() {
        LocalDate day = freshWednesday();
        AppointmentRow stored = store("site-north", NORTH_THERAPIST, at(day, "10:30"));
        IGenericClient client = client();

        Bundle found = client.search().forResource(Appointment.class)
                .where(PATIENT_IDENTIFIER.exactly().systemAndCode(FhirAppointments.PATIENT_REF_SYSTEM, stored.patientRef))
                .returnBundle(Bundle.class).execute();
        assertThat(found.getTotal()).isEqualTo(1);
        Appointment proposed = client.read().resource(Appointment.class).withId(stored.id.toString()).execute();
        assertThat(proposed.getStatus()).isEqualTo(AppointmentStatus.PROPOSED);
        assertThat(proposed.getIdElement().getVersionIdPart()).isEqualTo("0");

        // Confirm: status booked, at the version read (the client sends If-Match from the versioned id).
        proposed.setStatus(AppointmentStatus.BOOKED);
        Appointment booked = (Appointment) client.update().resource(proposed).withId(proposed.getIdElement())
                .execute().getResource();
        assertThat(booked.getStatus()).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(booked.getMeta().getVersionId()).isEqualTo("1");

        // A change decided on the old version is refused.
        proposed.setStatus(AppointmentStatus.CANCELLED);
        assertThatThrownBy(() -> client.update().resource(proposed).withId(proposed.getIdElement()).execute())
                .isInstanceOf(PreconditionFailedException.class);

        // Reschedule: a new start and end; the moved appointment waits for the patient again.
        Instant later = at(day, "14:00");
        booked.setStatus(AppointmentStatus.PENDING).setStart(Date.from(later)).setEnd(Date.from(later.plusSeconds(45 * 60)));
        Appointment moved = (Appointment) client.update().resource(booked).withId(versioned(booked)).execute().getResource();
        assertThat(moved.getStatus()).isEqualTo(AppointmentStatus.PENDING);
        assertThat(moved.getStart().toInstant()).isEqualTo(later);
        assertThat(moved.getMeta().getVersionId()).isEqualTo("2");

        // Something a booking system may not do is refused, naming what it may do.
        moved.setStatus(AppointmentStatus.FULFILLED);
        assertThatThrownBy(() -> client.update().resource(moved).withId(versioned(moved)).execute())
                .isInstanceOf(UnprocessableEntityException.class).hasMessageContaining("booked");

        // Cancel, with a reason from the published code system.
        moved.setStatus(AppointmentStatus.CANCELLED).setCancelationReason(new CodeableConcept().addCoding(
                new Coding(FhirAppointments.CANCEL_SYSTEM, "PATIENT_REQUEST", null)));
        Appointment cancelled = (Appointment) client.update().resource(moved).withId(versioned(moved)).execute()
                .getResource();
        assertThat(cancelled.getStatus()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(cancelled.getCancelationReason().getCodingFirstRep().getCode()).isEqualTo("PATIENT_REQUEST");

        // The same events as the REST calls, in order, on the real topic.
        assertThat(kafka.awaitKeyed(Topics.FOLLOWUP_EVENTS, stored.caseId.toString(), 3).stream()
                .map(event -> header(event, CloudEventAttributes.TYPE)).toList())
                .containsExactly(EventType.APPOINTMENT_CONFIRMED.type(), EventType.APPOINTMENT_RESCHEDULED.type(),
                        EventType.APPOINTMENT_CANCELLED.type());
    }

    @Test
    void anUpdateWithoutIfMatchIsRefused() {
        AppointmentRow stored = store("site-north", NORTH_THERAPIST, at(freshWednesday(), "11:15"));
        IGenericClient client = client();
        Appointment appointment = client.read().resource(Appointment.class).withId(stored.id.toString()).execute();
        appointment.setStatus(AppointmentStatus.BOOKED);

        assertThatThrownBy(() -> client.update().resource(appointment).withId(stored.id.toString()).execute())
                .isInstanceOfSatisfying(BaseServerResponseException.class,
                        refused -> assertThat(refused.getStatusCode()).isEqualTo(428));
        assertThat(client.read().resource(Appointment.class).withId(stored.id.toString()).execute().getStatus())
                .isEqualTo(AppointmentStatus.PROPOSED);
    }

    @Test
    @TestSecurity(user = "therapist.north", roles = "therapist")
    @OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
    void aTherapistReadsButDoesNotChangeOverFhir() {
        AppointmentRow stored = store("site-north", NORTH_THERAPIST, at(freshWednesday(), "12:00"));
        IGenericClient client = client();
        Appointment appointment = client.read().resource(Appointment.class).withId(stored.id.toString()).execute();
        appointment.setStatus(AppointmentStatus.BOOKED);

        assertThatThrownBy(() -> client.update().resource(appointment).withId(appointment.getIdElement()).execute())
                .isInstanceOf(ForbiddenOperationException.class);
    }

    private static IdType versioned(Appointment appointment) {
        return new IdType("Appointment", appointment.getIdElement().getIdPart(), appointment.getMeta().getVersionId());
    }

    private static IGenericClient client() {
        FhirContext fhir = FhirContext.forR4();
        fhir.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        // The shared test machine is slow; the client's default of 10 s is tight for a first request.
        fhir.getRestfulClientFactory().setSocketTimeout(60_000);
        return fhir.newRestfulGenericClient("http://localhost:" + RestAssured.port + "/fhir");
    }
}
