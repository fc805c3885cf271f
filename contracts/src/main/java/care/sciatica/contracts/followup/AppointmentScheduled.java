package care.sciatica.contracts.followup;

import care.sciatica.contracts.common.ExternalRef;
import java.time.Instant;
import java.util.List;

/** A follow-up appointment was created, proposed by the follow-up policy or booked through a booking system or the front desk. */
public record AppointmentScheduled(
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
        ScheduleReason reason,
        List<ExternalRef> externalRefs
) {
}
