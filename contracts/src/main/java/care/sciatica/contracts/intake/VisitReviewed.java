package care.sciatica.contracts.intake;

import care.sciatica.contracts.common.ExternalRef;
import java.time.Instant;
import java.util.List;

/**
 * A follow-up visit's review, stored as a complete new history version that supersedes the latest one (with the
 * red-flag screen asked again), so the case is assessed again for this visit.
 */
public record VisitReviewed(
        String caseId,
        String siteId,
        String patientRef,
        Instant occurredAt,
        int historyVersion,
        int supersedesVersion,
        int visit,
        List<ExternalRef> externalRefs,
        int ageYears,
        VisitReview review,
        History history
) {
}
