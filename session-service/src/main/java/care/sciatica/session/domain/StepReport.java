package care.sciatica.session.domain;

import care.sciatica.contracts.common.TreatmentStep;
import care.sciatica.contracts.session.DeviationReason;
import care.sciatica.contracts.session.StepOutcome;

/**
 * What the therapist reports about one step: which step, what was applied, whether it was performed as planned,
 * modified or skipped, the reason for any deviation, and a clinical lead's override when the plan excluded it.
 */
public record StepReport(TreatmentStep step, StepParameters parameters, StepOutcome outcome,
        DeviationReason deviationReason, ClinicalLeadOverride override) {

    public StepReport {
        parameters = parameters == null ? StepParameters.none() : parameters;
    }

    /** The step performed as planned. */
    public static StepReport performed(TreatmentStep step, StepParameters parameters) {
        return new StepReport(step, parameters, StepOutcome.PERFORMED, null, null);
    }

    /** The step done differently from the plan, with the reason. */
    public static StepReport modified(TreatmentStep step, StepParameters parameters, DeviationReason reason) {
        return new StepReport(step, parameters, StepOutcome.MODIFIED, reason, null);
    }

    /** The step not done, with the reason. */
    public static StepReport skipped(TreatmentStep step, DeviationReason reason) {
        return new StepReport(step, StepParameters.none(), StepOutcome.SKIPPED, reason, null);
    }

    /** This report with a clinical lead's override for a step the plan excluded. */
    public StepReport overriddenBy(String clinicalLead, String reason) {
        ClinicalLeadOverride override = new ClinicalLeadOverride(clinicalLead, reason);
        return new StepReport(step, parameters, outcome, deviationReason, override);
    }
}
