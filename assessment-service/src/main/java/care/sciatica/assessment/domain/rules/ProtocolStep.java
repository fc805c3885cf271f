package care.sciatica.assessment.domain.rules;

import care.sciatica.contracts.common.TreatmentStep;

/** One step of the clinic's protocol with its default parameters. */
public record ProtocolStep(TreatmentStep step, StepTemplate parameters, String why) {
}
