package care.sciatica.assessment.domain;

import care.sciatica.contracts.assessment.StepStatus;
import care.sciatica.contracts.common.TreatmentStep;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything the rules decided about one step, kept whole so that a clinical lead's override can be laid over it:
 * the protocol defaults, the limits the modifications impose, and the reasons to exclude, modify or take care.
 */
record StepDecision(
        TreatmentStep step,
        StepParameters defaults,
        StepParameters limited,
        List<Reason> exclusions,
        List<Reason> modifications,
        List<Reason> cautions
) {

    /** The step as the rules alone plan it: any exclusion wins over modifications. */
    PlannedStep planned() {
        if (!exclusions.isEmpty()) {
            return new PlannedStep(step, StepStatus.EXCLUDED, StepParameters.none(), List.of(), exclusions);
        }
        if (!modifications.isEmpty()) {
            return new PlannedStep(step, StepStatus.MODIFIED, limited, cautions, modifications);
        }
        return new PlannedStep(step, StepStatus.INCLUDED, defaults, cautions, List.of());
    }

    /**
     * The step as the lead decides. Including a step the rules excluded or modified is allowed, but every overridden
     * rule stays on the step as a caution, so the practitioner sees what was set aside and why.
     */
    PlannedStep overriddenBy(LeadOverride.OfStep override) {
        Reason lead = override.asReason();
        StepParameters chosen = override.parameters();
        return switch (override.status()) {
            case EXCLUDED -> new PlannedStep(step, StepStatus.EXCLUDED, StepParameters.none(), List.of(),
                    concat(exclusions, List.of(lead)));
            case MODIFIED -> new PlannedStep(step, StepStatus.MODIFIED,
                    chosen == null ? limited : limited.replacedBy(chosen),
                    concat(cautions, setAside(exclusions)), concat(modifications, List.of(lead)));
            case INCLUDED -> new PlannedStep(step, StepStatus.INCLUDED,
                    chosen == null ? defaults : defaults.replacedBy(chosen),
                    concat(cautions, concat(setAside(exclusions), setAside(modifications))), List.of(lead));
        };
    }

    private static List<Reason> setAside(List<Reason> reasons) {
        return reasons.stream().map(r -> Reason.of(r.ruleId(), r.finding(),
                "Set aside by a clinical lead: " + r.explanation())).toList();
    }

    private static List<Reason> concat(List<Reason> a, List<Reason> b) {
        List<Reason> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
