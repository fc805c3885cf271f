package care.sciatica.contracts.session;

import care.sciatica.contracts.common.Advice;
import care.sciatica.contracts.common.Origin;
import care.sciatica.contracts.common.TreatmentStep;
import java.time.Instant;
import java.util.List;

/** A session that ran to the end: steps done and skipped, pain before and after, advice given. */
public record SessionCompleted(
        String caseId,
        String siteId,
        String patientRef,
        Instant occurredAt,
        String sessionId,
        int planVersion,
        Integer visit,
        Origin primaryOrigin,
        String therapistRef,
        int painBefore,
        int painAfter,
        int painChange,
        List<TreatmentStep> stepsPerformed,
        List<SkippedStep> stepsSkipped,
        List<Advice> adviceGiven,
        Instant completedAt
) {
}
