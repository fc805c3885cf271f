package care.sciatica.intake.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A case with its history versions, newest last. */
public record CaseView(UUID caseId, String siteId, String patientRef, String status, Instant openedAt,
                       List<HistoryVersionView> historyVersions) {

    /** One recorded version of the history. */
    public record HistoryVersionView(int version, int ageYears, Instant recordedAt, String amendmentReason,
                                     JsonNode history) {
    }
}
