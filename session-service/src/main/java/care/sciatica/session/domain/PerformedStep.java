package care.sciatica.session.domain;

import care.sciatica.contracts.common.TreatmentStep;
import care.sciatica.contracts.session.DeviationReason;
import care.sciatica.contracts.session.StepOutcome;
import java.time.Instant;

/**
 * One step as the session recorded it, numbered from 1 in the order recorded: performed, modified or skipped, with
 * what was applied, the reason for any deviation and any clinical lead's override.
 */
public record PerformedStep(int sequence, TreatmentStep step, StepOutcome outcome, StepParameters parameters,
        DeviationReason deviationReason, ClinicalLeadOverride override, Instant recordedAt) {

    /** Whether something was actually done (performed or modified), as opposed to skipped. */
    public boolean wasDone() {
        return outcome != StepOutcome.SKIPPED;
    }

    /** Whether this is heat that had not been removed at the given moment. */
    public boolean keepsHeatOnAt(Instant moment) {
        Instant removed = parameters.heatRemovedAt();
        return isHeatApplied() && (removed == null || removed.isAfter(moment));
    }

    /** Whether this is heat whose removal has not been recorded yet. */
    public boolean awaitsHeatRemoval() {
        return isHeatApplied() && parameters.heatRemovedAt() == null;
    }

    PerformedStep withHeatRemovedAt(Instant removedAt) {
        return new PerformedStep(sequence, step, outcome, parameters.withHeatRemovedAt(removedAt), deviationReason,
                override, recordedAt);
    }

    private boolean isHeatApplied() {
        return step == TreatmentStep.HEAT && wasDone();
    }
}
