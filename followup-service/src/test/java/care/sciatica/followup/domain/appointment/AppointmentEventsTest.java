package care.sciatica.followup.domain.appointment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import care.sciatica.contracts.EventJson;
import care.sciatica.contracts.EventSchemas;
import care.sciatica.contracts.EventType;
import care.sciatica.contracts.common.ExternalRef;
import care.sciatica.contracts.followup.AppointmentCancelled;
import care.sciatica.contracts.followup.AppointmentConfirmed;
import care.sciatica.contracts.followup.AppointmentRescheduled;
import care.sciatica.contracts.followup.AppointmentScheduled;
import care.sciatica.contracts.followup.AppointmentSource;
import care.sciatica.contracts.followup.AppointmentStatus;
import care.sciatica.contracts.followup.CancelReason;
import care.sciatica.contracts.followup.ScheduleReason;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppointmentEventsTest {

    private static final Instant OCCURRED_AT = Instant.parse("2026-03-02T11:00:07Z");

    @Test
    void aProposedAppointmentIsAValidAppointmentScheduled() {
        AppointmentScheduled event = AppointmentEvents.scheduled(AppointmentTest.proposed(), OCCURRED_AT,
                List.of(new ExternalRef("bookwise", "884213", null)));

        assertThat(event.appointmentId()).isEqualTo("b5c2e722-d6d3-4902-82b5-4f591aeeea79");
        assertThat(event.status()).isEqualTo(AppointmentStatus.PROPOSED);
        assertThat(event.sequence()).isZero();
        assertThat(event.source()).isEqualTo(AppointmentSource.FOLLOWUP_POLICY);
        assertThat(event.reason()).isEqualTo(ScheduleReason.ROUTINE_INTERVAL);
        assertThat(event.start()).isEqualTo(AppointmentTest.FIRST.start());
        assertConforms(EventType.APPOINTMENT_SCHEDULED, event);
    }

    @Test
    void aConfirmedAppointmentIsAValidAppointmentConfirmed() {
        AppointmentConfirmed event = AppointmentEvents.confirmed(AppointmentTest.in(AppointmentState.CONFIRMED), OCCURRED_AT);

        assertThat(event.status()).isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(event.sequence()).isEqualTo(1);
        assertThat(event.source()).isEqualTo(AppointmentSource.BOOKING_SYSTEM);
        assertConforms(EventType.APPOINTMENT_CONFIRMED, event);
    }

    @Test
    void aRescheduledAppointmentIsAValidAppointmentRescheduled() {
        AppointmentRescheduled event = AppointmentEvents.rescheduled(AppointmentTest.in(AppointmentState.RESCHEDULED), OCCURRED_AT);

        assertThat(event.status()).isEqualTo(AppointmentStatus.RESCHEDULED);
        assertThat(event.start()).isEqualTo(AppointmentTest.LATER.start());
        assertThat(event.previousStart()).isEqualTo(AppointmentTest.FIRST.start());
        assertThat(event.previousEnd()).isEqualTo(AppointmentTest.FIRST.end());
        assertThat(event.therapistRef()).isEqualTo(AppointmentTest.LATER.therapistRef());
        assertConforms(EventType.APPOINTMENT_RESCHEDULED, event);
    }

    @Test
    void aCancelledAppointmentIsAValidAppointmentCancelled() {
        AppointmentCancelled event = AppointmentEvents.cancelled(AppointmentTest.in(AppointmentState.CANCELLED), OCCURRED_AT);

        assertThat(event.status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(event.cancelReason()).isEqualTo(CancelReason.PATIENT_REQUEST);
        assertConforms(EventType.APPOINTMENT_CANCELLED, event);
    }

    @Test
    void anAppointmentInTheWrongStateCannotBeMappedToAnEvent() {
        assertThatThrownBy(() -> AppointmentEvents.confirmed(AppointmentTest.proposed(), OCCURRED_AT))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> AppointmentEvents.scheduled(AppointmentTest.in(AppointmentState.RESCHEDULED), OCCURRED_AT, List.of()))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> AppointmentEvents.cancelled(AppointmentTest.in(AppointmentState.ATTENDED), OCCURRED_AT))
                .isInstanceOf(IllegalStateException.class);
    }

    private static void assertConforms(EventType type, Record event) {
        assertThat(EventType.ofDataClass(event.getClass())).contains(type);
        assertThat(EventSchemas.violations(type, EventJson.mapper().valueToTree(event))).isEmpty();
    }
}
