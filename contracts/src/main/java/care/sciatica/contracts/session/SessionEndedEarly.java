package care.sciatica.contracts.session;

import care.sciatica.contracts.common.TreatmentStep;
import java.time.Instant;
import java.util.List;

/** A session that stopped before completion: refused or withdrawn consent, an adverse reaction or a red flag found. */
public record SessionEndedEarly(
        String caseId,
        String siteId,
        String patientRef,
        Instant occurredAt,
        String sessionId,
        int planVersion,
        Integer visit,
        String therapistRef,
        EndState endState,
        EndReason reason,
        List<TreatmentStep> stepsPerformed,
        Integer painBefore,
        Integer painAfter,
        Instant endedAt
) {
}
