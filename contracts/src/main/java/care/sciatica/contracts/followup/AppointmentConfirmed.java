package care.sciatica.contracts.followup;

import java.time.Instant;

/** The patient (or the booking system on their behalf) confirmed a follow-up appointment. */
public record AppointmentConfirmed(
        String caseId,
        String siteId,
        String patientRef,
        Instant occurredAt,
        String appointmentId,
        String therapistRef,
        Instant start,
        Instant end,
        AppointmentStatus status,
        int sequence,
        AppointmentSource source
) {
}
