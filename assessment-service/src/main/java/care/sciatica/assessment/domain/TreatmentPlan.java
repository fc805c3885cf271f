package care.sciatica.assessment.domain;

import care.sciatica.contracts.common.Advice;
import care.sciatica.contracts.common.TreatmentStep;

import java.util.List;

/**
 * What the session should do: the likely origin, suitability, each protocol step in order, advice and when to follow
 * up, plus the clinical-lead overrides already applied (so a new override replays them over a fresh assessment).
 */
public record TreatmentPlan(
        String rulesVersion,
        LikelyOrigin origin,
        Suitability suitability,
        List<PlannedStep> steps,
        List<Advice> advice,
        int followUpIntervalDays,
        List<LeadOverride> overrides
) implements Assessment {

    public TreatmentPlan {
        steps = List.copyOf(steps);
        advice = List.copyOf(advice);
        overrides = List.copyOf(overrides);
    }

    public PlannedStep step(TreatmentStep step) {
        return steps.stream().filter(s -> s.step() == step).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No step " + step));
    }
}
