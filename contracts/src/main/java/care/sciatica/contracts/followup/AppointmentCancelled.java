package care.sciatica.contracts.followup;

import java.time.Instant;

/** A follow-up appointment was cancelled. */
public record AppointmentCancelled(
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
        AppointmentSource source,
        CancelReason cancelReason
) {
}
