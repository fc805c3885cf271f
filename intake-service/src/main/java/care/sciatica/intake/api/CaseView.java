package care.sciatica.intake.api;

import care.sciatica.contracts.common.ExternalRef;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A case with its history versions and its follow-up visits, oldest first. */
public record CaseView(UUID caseId, String siteId, String patientRef, String status, Instant openedAt,
                       List<ExternalRef> externalRefs, List<HistoryVersionView> historyVersions,
                       List<VisitView> visits) {

    /**
     * One recorded version of the history; every version after the first supersedes the one before it. The kind says
     * what made it (INTAKE, AMENDMENT with its reason, FOLLOW_UP_REVIEW with the visit it reviewed).
     */
    public record HistoryVersionView(int version, Integer supersedesVersion, String kind, String amendmentReason,
                                     Integer visit, int ageYears, Instant recordedAt, JsonNode history) {
    }

    /** A follow-up visit: opened when the patient came, reviewed by a history version (null while still open). */
    public record VisitView(int visit, Instant startedAt, UUID appointmentId, Integer reviewedHistoryVersion) {
    }
}
