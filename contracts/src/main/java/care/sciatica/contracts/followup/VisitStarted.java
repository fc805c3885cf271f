package care.sciatica.contracts.followup;

import java.time.Instant;

/** The patient came to a follow-up appointment: the episode's next visit is open and awaits its review. */
public record VisitStarted(
        String caseId,
        String siteId,
        String patientRef,
        Instant occurredAt,
        String appointmentId,
        int visit
) {
}
