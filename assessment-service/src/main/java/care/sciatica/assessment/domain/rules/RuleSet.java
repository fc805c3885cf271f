package care.sciatica.assessment.domain.rules;

import care.sciatica.contracts.common.TreatmentStep;

import java.util.List;
import java.util.Optional;

/**
 * The clinic's versioned rule set: thresholds, red flags, the protocol's steps with their defaults, when mobilisation
 * is indicated, the contraindications per step, advice and follow-up. Loaded from seeds/protocol by
 * {@link RuleSetLoader}; every plan records the version that produced it.
 */
public record RuleSet(
        String version,
        String description,
        Thresholds thresholds,
        List<RedFlagRule> redFlags,
        RedFlagNotAsked redFlagNotAsked,
        List<ProtocolStep> protocol,
        List<Indication> indications,
        List<StepRule> stepRules,
        List<AdviceRule> advice,
        FollowUpRule followUp
) {

    public ProtocolStep protocolStep(TreatmentStep step) {
        return protocol.stream().filter(p -> p.step() == step).findFirst()
                .orElseThrow(() -> new IllegalStateException("No protocol step " + step));
    }

    public Optional<Indication> indicationFor(TreatmentStep step) {
        return indications.stream().filter(i -> i.step() == step).findFirst();
    }

    public boolean isIndicationRule(String ruleId) {
        return indications.stream().anyMatch(i -> i.ruleId().equals(ruleId));
    }
}
