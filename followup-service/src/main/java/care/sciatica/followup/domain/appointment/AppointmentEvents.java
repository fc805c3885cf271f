package care.sciatica.followup.domain.appointment;

import care.sciatica.contracts.common.ExternalRef;
import care.sciatica.contracts.followup.AppointmentCancelled;
import care.sciatica.contracts.followup.AppointmentConfirmed;
import care.sciatica.contracts.followup.AppointmentRescheduled;
import care.sciatica.contracts.followup.AppointmentScheduled;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Maps an appointment version to the contract record of the change that produced it. Each mapper checks the state, so
 * a "confirmed" event can never carry a cancelled appointment.
 */
public final class AppointmentEvents {

    private AppointmentEvents() {
    }

    /** A new appointment (PROPOSED, or CONFIRMED when booked that way) with the booking-system ids it is known by. */
    public static AppointmentScheduled scheduled(Appointment appointment, Instant occurredAt, List<ExternalRef> externalRefs) {
        require(appointment, Set.of(AppointmentState.PROPOSED, AppointmentState.CONFIRMED));
        return new AppointmentScheduled(appointment.caseId(), appointment.siteId(), appointment.patientRef(), occurredAt,
                appointment.id().toString(), appointment.therapistRef(), appointment.start(), appointment.end(),
                appointment.state().toStatus(), appointment.sequence(), appointment.changedBy(), appointment.reason(),
                List.copyOf(externalRefs));
    }

    public static AppointmentConfirmed confirmed(Appointment appointment, Instant occurredAt) {
        require(appointment, Set.of(AppointmentState.CONFIRMED));
        return new AppointmentConfirmed(appointment.caseId(), appointment.siteId(), appointment.patientRef(), occurredAt,
                appointment.id().toString(), appointment.therapistRef(), appointment.start(), appointment.end(),
                appointment.state().toStatus(), appointment.sequence(), appointment.changedBy());
    }

    public static AppointmentRescheduled rescheduled(Appointment appointment, Instant occurredAt) {
        require(appointment, Set.of(AppointmentState.RESCHEDULED));
        return new AppointmentRescheduled(appointment.caseId(), appointment.siteId(), appointment.patientRef(), occurredAt,
                appointment.id().toString(), appointment.therapistRef(), appointment.start(), appointment.end(),
                appointment.state().toStatus(), appointment.sequence(), appointment.changedBy(), appointment.previousStart(),
                appointment.previousEnd());
    }

    public static AppointmentCancelled cancelled(Appointment appointment, Instant occurredAt) {
        require(appointment, Set.of(AppointmentState.CANCELLED));
        return new AppointmentCancelled(appointment.caseId(), appointment.siteId(), appointment.patientRef(), occurredAt,
                appointment.id().toString(), appointment.therapistRef(), appointment.start(), appointment.end(),
                appointment.state().toStatus(), appointment.sequence(), appointment.changedBy(), appointment.cancelReason());
    }

    private static void require(Appointment appointment, Set<AppointmentState> states) {
        if (!states.contains(appointment.state())) {
            throw new IllegalStateException("Appointment " + appointment.id() + " is " + appointment.state() + ", expected one of "
                    + states);
        }
    }
}
