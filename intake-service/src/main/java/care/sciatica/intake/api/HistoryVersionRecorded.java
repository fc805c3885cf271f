package care.sciatica.intake.api;

import care.sciatica.contracts.intake.AmendmentReason;

import java.time.Instant;
import java.util.UUID;

/** A version of a case's history was stored and its event staged; amendments name what they superseded and why. */
public record HistoryVersionRecorded(UUID caseId, int historyVersion, Integer supersedesVersion,
                                     AmendmentReason amendmentReason, Instant recordedAt) {
}
