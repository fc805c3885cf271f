package care.sciatica.assessment.domain;

import care.sciatica.contracts.assessment.StepStatus;
import care.sciatica.contracts.assessment.SuitabilityDecision;
import care.sciatica.contracts.common.Origin;
import care.sciatica.contracts.common.TreatmentStep;

import java.util.Objects;

/**
 * A clinical lead's decision that replaces the rules' one, always with a reason. The lead's own words stay in the
 * assessment service (audit and override record): the plan, and so the event, carries a fixed rule text instead,
 * because events never carry free text.
 */
public sealed interface LeadOverride {

    String RULE_ID = "CLINICAL_LEAD_OVERRIDE";
    String EXPLANATION = "Changed by a clinical lead's override; reason recorded in the assessment service";

    /** The lead's free-text reason: kept in the service, never put in a plan or an event. */
    String reason();

    /** The override as the plan records it: which finding path was overridden, with the fixed rule text. */
    default Reason asReason() {
        return Reason.of(RULE_ID, "clinicalLeadOverride." + subject(), EXPLANATION);
    }

    /** What was overridden, as a path segment: origin, suitability or the step in camel case. */
    String subject();

    /** The lead names the origin; UNDETERMINED means none of the findings convinces them. */
    record OfOrigin(Origin origin, String reason) implements LeadOverride {
        public OfOrigin {
            Objects.requireNonNull(origin, "origin");
            reason = requireReason(reason);
        }

        @Override
        public String subject() {
            return "origin";
        }
    }

    /** The lead decides between treating and treating with modifications. */
    record OfSuitability(SuitabilityDecision decision, String reason) implements LeadOverride {
        public OfSuitability {
            Objects.requireNonNull(decision, "decision");
            reason = requireReason(reason);
        }

        @Override
        public String subject() {
            return "suitability";
        }
    }

    /** The lead includes, modifies or excludes one step; parameters (optional) replace the planned ones. */
    record OfStep(TreatmentStep step, StepStatus status, StepParameters parameters, String reason) implements LeadOverride {
        public OfStep {
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(status, "status");
            reason = requireReason(reason);
        }

        @Override
        public String subject() {
            StringBuilder camel = new StringBuilder();
            for (String word : step.name().toLowerCase().split("_")) {
                camel.append(camel.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
            }
            return camel.toString();
        }
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("An override needs a reason");
        }
        return reason.strip();
    }
}
