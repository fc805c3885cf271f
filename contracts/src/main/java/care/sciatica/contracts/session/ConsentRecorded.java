package care.sciatica.contracts.session;

import java.time.Instant;

/** The patient's consent decision after the plan was explained; no consent, no treatment. */
public record ConsentRecorded(
        String caseId,
        String siteId,
        String patientRef,
        Instant occurredAt,
        String sessionId,
        int planVersion,
        ConsentDecision decision,
        ConsentMethod method,
        boolean explanationGiven,
        boolean questionsAnswered
) {
}
