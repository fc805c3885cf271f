package care.sciatica.intake.api;

import care.sciatica.contracts.common.ExternalRef;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A case with its history versions, oldest first. */
public record CaseView(UUID caseId, String siteId, String patientRef, String status, Instant openedAt,
                       List<ExternalRef> externalRefs, List<HistoryVersionView> historyVersions) {

    /** One recorded version of the history; every version after the first supersedes the one before it. */
    public record HistoryVersionView(int version, Integer supersedesVersion, String amendmentReason, int ageYears,
                                     Instant recordedAt, JsonNode history) {
    }
}
