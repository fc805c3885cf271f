package care.sciatica.contracts.session;

import care.sciatica.contracts.common.TreatmentStep;

/** A planned step that was not performed, with the reason code. */
public record SkippedStep(
        TreatmentStep step,
        DeviationReason reason
) {
}
