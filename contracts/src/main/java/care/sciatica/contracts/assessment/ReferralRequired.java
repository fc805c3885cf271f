package care.sciatica.contracts.assessment;

import care.sciatica.contracts.common.Reason;
import java.time.Instant;
import java.util.List;

/** The case must be referred out instead of treated, because of red flags or contraindications. */
public record ReferralRequired(
        String caseId,
        String siteId,
        String patientRef,
        Instant occurredAt,
        String assessmentId,
        int basedOnHistoryVersion,
        Integer visit,
        String rulesVersion,
        Urgency urgency,
        List<Reason> reasons
) {
}
