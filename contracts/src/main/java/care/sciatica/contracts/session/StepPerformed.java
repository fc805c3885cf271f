package care.sciatica.contracts.session;

import care.sciatica.contracts.common.TreatmentStep;
import java.time.Instant;

/** One protocol step as it was actually done in a session, or skipped, with the reason for any deviation. */
public record StepPerformed(
        String caseId,
        String siteId,
        String patientRef,
        Instant occurredAt,
        String sessionId,
        int sequence,
        TreatmentStep step,
        StepOutcome outcome,
        PerformedStepParameters parameters,
        DeviationReason deviationReason
) {
}
