package care.sciatica.intake.api;

import java.time.Instant;
import java.util.UUID;

/** A follow-up visit's review was stored as a new history version and its event staged. */
public record VisitReviewRecorded(UUID caseId, int visit, int historyVersion, int supersedesVersion,
                                  Instant recordedAt) {
}
