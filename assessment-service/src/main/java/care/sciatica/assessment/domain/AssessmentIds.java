package care.sciatica.assessment.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The identifiers and versions an assessment event carries besides the assessment itself; planVersion and
 * supersedesPlanVersion (null for a case's first plan) concern plans only.
 */
public record AssessmentIds(
        String caseId,
        String siteId,
        String patientRef,
        String assessmentId,
        int basedOnHistoryVersion,
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
    }

    /** Placeholder ids for an assessment that is shown but never stored or published (a preview). */
    public static AssessmentIds unsaved(Instant at) {
        return new AssessmentIds(UNSAVED, UNSAVED, UNSAVED, UNSAVED, 0, 0, null, at);
    }

    private static final String UNSAVED = "unsaved";
}
