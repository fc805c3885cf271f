package care.sciatica.contracts.intake;

import care.sciatica.contracts.common.ExternalRef;
import java.time.Instant;
import java.util.List;

/** A patient's history, observation and examination as recorded at intake; version 1 of a case's history. */
public record HistoryRecorded(
        String caseId,
        String siteId,
        String patientRef,
        Instant occurredAt,
        int historyVersion,
        List<ExternalRef> externalRefs,
        int ageYears,
        History history
) {
}
