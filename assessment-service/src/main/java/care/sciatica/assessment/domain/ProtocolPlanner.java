package care.sciatica.assessment.domain;

import care.sciatica.assessment.domain.rules.CaseFacts;
import care.sciatica.assessment.domain.rules.Indication;
import care.sciatica.assessment.domain.rules.ProtocolStep;
import care.sciatica.assessment.domain.rules.RuleSet;
import care.sciatica.assessment.domain.rules.StepRule;
import care.sciatica.assessment.domain.rules.StepTemplate;
import care.sciatica.contracts.common.BodySite;
import care.sciatica.contracts.common.Side;
import care.sciatica.contracts.common.TreatmentStep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Walks the protocol in order and decides each step: the defaults for the affected side, mobilisation only where the
 * origin indicates it, and every contraindication or precaution of the rule set that fires for this case.
 */
final class ProtocolPlanner {

    private ProtocolPlanner() {
    }

    static List<StepDecision> decide(CaseFacts facts, RuleSet rules, LikelyOrigin origin, List<Reason> notAsked) {
        Side side = facts.history().pain().side();
        Map<StepRule, Reason> fired = new LinkedHashMap<>();
        for (StepRule rule : rules.stepRules()) {
            RuleFiring.fire(rule.id(), rule.when(), rule.explanation(), facts, rules.thresholds())
                    .ifPresent(reason -> fired.put(rule, reason));
        }
        List<StepDecision> decisions = new ArrayList<>();
        for (ProtocolStep protocolStep : rules.protocol()) {
            TreatmentStep step = protocolStep.step();
            StepParameters defaults = resolve(protocolStep.parameters(), side);
            StepParameters limited = defaults;
            List<Reason> exclusions = new ArrayList<>();
            List<Reason> modifications = new ArrayList<>();
            List<Reason> cautions = new ArrayList<>(step == TreatmentStep.EXPLANATION_AND_CONSENT ? notAsked : List.of());
            notIndicated(rules.indicationFor(step), origin).ifPresent(exclusions::add);
            for (Map.Entry<StepRule, Reason> entry : fired.entrySet()) {
                StepRule rule = entry.getKey();
                if (!rule.steps().contains(step)) {
                    continue;
                }
                switch (rule.effect()) {
                    case EXCLUDE -> exclusions.add(entry.getValue());
                    case MODIFY -> {
                        modifications.add(entry.getValue());
                        limited = limited.tightenedBy(resolve(rule.limits(), side));
                    }
                    case CAUTION -> cautions.add(entry.getValue());
                }
            }
            decisions.add(new StepDecision(step, defaults, limited, exclusions, modifications, cautions));
        }
        return decisions;
    }

    private static Optional<Reason> notIndicated(Optional<Indication> indication, LikelyOrigin origin) {
        return indication
                .filter(i -> !origin.anyAtLeast(i.origins(), i.minimumLikelihood()))
                .map(i -> Reason.of(i.ruleId(), i.finding(), i.explanation()));
    }

    /** A template's parameters for this case: {@code {side}_GLUTEAL} becomes LEFT_GLUTEAL, or both sides. */
    static StepParameters resolve(StepTemplate template, Side side) {
        if (template == null) {
            return StepParameters.none();
        }
        List<BodySite> regions = null;
        if (template.regions() != null) {
            LinkedHashSet<BodySite> sites = new LinkedHashSet<>();
            for (String region : template.regions()) {
                for (Side one : side == Side.BOTH ? List.of(Side.LEFT, Side.RIGHT) : List.of(side)) {
                    sites.add(BodySite.valueOf(region.replace(StepTemplate.SIDE_PLACEHOLDER, one.name())));
                }
            }
            regions = List.copyOf(sites);
        }
        return new StepParameters(template.maxIceCubes(), template.maxMinutes(), template.heatKind(),
                template.pressure(), regions);
    }
}
