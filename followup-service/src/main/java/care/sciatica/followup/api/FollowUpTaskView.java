package care.sciatica.followup.api;

import care.sciatica.followup.persistence.FollowUpTaskRow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A follow-up task as the front desk or a clinical lead works through it. */
public record FollowUpTaskView(UUID taskId, UUID caseId, String siteId, String patientRef, String kind, String reason,
                               Instant dueBy, LocalDate windowEarliest, LocalDate windowLatest, boolean flaggedForLead,
                               String status) {

    public static FollowUpTaskView of(FollowUpTaskRow row) {
        return new FollowUpTaskView(row.id, row.caseId, row.siteId, row.patientRef, row.kind, row.reason, row.dueBy,
                row.windowEarliest, row.windowLatest, row.flaggedForLead, row.status);
    }
}
