package care.sciatica.assessment.domain;

import care.sciatica.contracts.assessment.StepStatus;
import care.sciatica.contracts.common.TreatmentStep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What changed in a case's plan since its previous plan: each protocol step whose status differs, with why. A step
 * that became more restricted gives the rules that fire now; a step that was eased gives those too, plus each earlier
 * reason that no longer applies (a reason a clinical lead set aside still applies, so it is not among them).
 */
public final class PlanChanges {

    /** Prefix of an earlier reason that no longer applies at this visit. */
    public static final String NO_LONGER = "No longer applies: ";

    /** One step whose status changed. */
    public record StepChange(TreatmentStep step, StepStatus previousStatus, StepStatus status, List<Reason> reasons) {

        public StepChange {
            reasons = List.copyOf(reasons);
        }
    }

    private PlanChanges() {
    }

    /** @param previous the steps of the case's previous plan; empty when it has none, so nothing is said to change */
    public static List<StepChange> between(List<PlannedStep> previous, List<PlannedStep> current) {
        Map<TreatmentStep, PlannedStep> before = previous.stream()
                .collect(Collectors.toMap(PlannedStep::step, Function.identity(), (a, b) -> a));
        List<StepChange> changes = new ArrayList<>();
        for (PlannedStep now : current) {
            PlannedStep then = before.get(now.step());
            if (then != null && then.status() != now.status()) {
                changes.add(new StepChange(now.step(), then.status(), now.status(), reasons(then, now)));
            }
        }
        return changes;
    }

    private static List<Reason> reasons(PlannedStep then, PlannedStep now) {
        List<Reason> reasons = new ArrayList<>(now.reasons());
        if (restriction(now.status()) < restriction(then.status())) {
            Set<String> stillThere = Stream.concat(now.reasons().stream(), now.cautions().stream())
                    .map(Reason::ruleId).collect(Collectors.toSet());
            then.reasons().stream()
                    .filter(reason -> !stillThere.contains(reason.ruleId()))
                    .map(reason -> Reason.of(reason.ruleId(), reason.finding(), NO_LONGER + reason.explanation()))
                    .forEach(reasons::add);
        }
        return reasons;
    }

    private static int restriction(StepStatus status) {
        return switch (status) {
            case INCLUDED -> 0;
            case MODIFIED -> 1;
            case EXCLUDED -> 2;
        };
    }
}
