package care.sciatica.assessment.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The identifiers and versions an assessment event carries besides the assessment itself: the visit of the episode it
 * is for (1 at intake), and planVersion and supersedesPlanVersion (null for a case's first plan), which concern plans
 * only. The assessment id is new for every assessment, so each visit's plan or referral is told apart from the last.
 */
public record AssessmentIds(
        String caseId,
        String siteId,
        String patientRef,
        String assessmentId,
        int basedOnHistoryVersion,
        int visit,
        int planVersion,
        Integer supersedesPlanVersion,
        Instant occurredAt
) {

    public AssessmentIds {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(patientRef, "patientRef");
        Objects.requireNonNull(assessmentId, "assessmentId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (visit < 1) {
            throw new IllegalArgumentException("visit must be 1 or more: " + visit);
        }
    }

    /** Placeholder ids for an assessment that is shown but never stored or published (a preview). */
    public static AssessmentIds unsaved(Instant at) {
        return new AssessmentIds(UNSAVED, UNSAVED, UNSAVED, UNSAVED, 0, 1, 0, null, at);
    }

    private static final String UNSAVED = "unsaved";
}
