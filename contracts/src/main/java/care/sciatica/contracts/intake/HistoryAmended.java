package care.sciatica.contracts.intake;

import care.sciatica.contracts.common.ExternalRef;
import java.time.Instant;
import java.util.List;

/** A corrected or extended history that supersedes an earlier version of the same case's history. */
public record HistoryAmended(
        String caseId,
        String siteId,
        String patientRef,
        Instant occurredAt,
        int historyVersion,
        int supersedesVersion,
        AmendmentReason amendmentReason,
        List<ExternalRef> externalRefs,
        int ageYears,
        History history
) {
}
