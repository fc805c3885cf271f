package care.sciatica.contracts.followup;

import care.sciatica.contracts.common.OutcomeScores;
import care.sciatica.contracts.common.Reason;
import java.time.Instant;
import java.util.List;

/** The episode met the discharge policy and is closed: codes and scores only, for booking systems and the GP letter. */
public record EpisodeDischarged(
        String caseId,
        String siteId,
        String patientRef,
        Instant occurredAt,
        int visits,
        String policyVersion,
        List<Reason> reasons,
        OutcomeScores baseline,
        OutcomeScores latest
) {
}
