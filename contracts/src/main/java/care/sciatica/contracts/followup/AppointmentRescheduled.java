package care.sciatica.contracts.followup;

import java.time.Instant;

/** A follow-up appointment moved to a new time; the iCalendar sequence is incremented. */
public record AppointmentRescheduled(
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
        Instant previousStart,
        Instant previousEnd
) {
}
