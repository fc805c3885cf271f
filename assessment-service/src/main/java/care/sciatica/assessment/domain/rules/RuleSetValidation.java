package care.sciatica.assessment.domain.rules;

import care.sciatica.contracts.common.BodySite;
import care.sciatica.contracts.common.Origin;
import care.sciatica.contracts.common.TreatmentStep;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The checks a loaded rule set must pass; all problems are reported at once so a lead fixes the file in one go. */
final class RuleSetValidation {

    static final Pattern VERSION = Pattern.compile("^[0-9]{4}\\.[0-9]{2}-[0-9]+$");
    static final Pattern RULE_ID = Pattern.compile("^[A-Z][A-Z0-9_]*$");
    static final Pattern FINDING_PATH = Pattern.compile("^[a-zA-Z][a-zA-Z0-9]*(\\.[a-zA-Z][a-zA-Z0-9]*)*$");
    /** Room is left for details substituted into {@code {detail}}: a reason's explanation is at most 300 characters. */
    static final int MAX_EXPLANATION = 220;

    private final List<String> problems = new ArrayList<>();
    private final Set<String> ruleIds = new HashSet<>();

    private RuleSetValidation() {
    }

    static void validate(RuleSet rules) {
        RuleSetValidation v = new RuleSetValidation();
        v.check(rules);
        if (!v.problems.isEmpty()) {
            throw new InvalidRuleSetException("Rule set " + rules.version() + " is invalid: " + String.join("; ", v.problems));
        }
    }

    private void check(RuleSet rules) {
        if (rules.version() == null) {
            problems.add("version is missing");
        } else if (!VERSION.matcher(rules.version()).matches()) {
            problems.add("version '" + rules.version() + "' is not like 2026.11-1");
        }
        thresholds(rules.thresholds());
        required("redFlags", rules.redFlags());
        required("protocol", rules.protocol());
        required("indications", rules.indications());
        required("stepRules", rules.stepRules());
        required("advice", rules.advice());
        if (!problems.isEmpty()) {
            return;
        }
        protocol(rules.protocol());
        for (RedFlagRule rule : rules.redFlags()) {
            rule(rule.id(), rule.explanation(), rule.when(), "redFlags");
            if (rule.urgency() == null) {
                problems.add("redFlags " + rule.id() + ": urgency is missing");
            }
        }
        notAsked(rules.redFlagNotAsked());
        for (Indication indication : rules.indications()) {
            rule(indication.ruleId(), indication.explanation(), List.of(), "indications");
            if (indication.step() == null || indication.minimumLikelihood() == null || indication.origins() == null
                    || indication.origins().isEmpty() || indication.finding() == null
                    || !FINDING_PATH.matcher(indication.finding()).matches()) {
                problems.add("indications " + indication.ruleId() + ": step, origins, minimumLikelihood and a finding path are required");
            }
        }
        for (StepRule rule : rules.stepRules()) {
            rule(rule.id(), rule.explanation(), rule.when(), "stepRules");
            stepRule(rule);
        }
        advice(rules.advice());
        followUp(rules.followUp());
    }

    private void thresholds(Thresholds thresholds) {
        if (thresholds == null) {
            problems.add("thresholds are missing");
            return;
        }
        for (RecordComponent component : Thresholds.class.getRecordComponents()) {
            try {
                Threshold threshold = (Threshold) component.getAccessor().invoke(thresholds);
                if (threshold == null || threshold.value() == null) {
                    problems.add("thresholds." + component.getName() + " is missing");
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private void protocol(List<ProtocolStep> protocol) {
        List<TreatmentStep> steps = protocol.stream().map(ProtocolStep::step).toList();
        if (!steps.equals(List.of(TreatmentStep.values()))) {
            problems.add("protocol must list every step once, in order " + List.of(TreatmentStep.values()) + ", not " + steps);
        }
        for (ProtocolStep step : protocol) {
            template("protocol " + step.step(), step.parameters());
            if (step.step() == TreatmentStep.ICE_MASSAGE && (step.parameters() == null
                    || step.parameters().maxIceCubes() == null || step.parameters().maxMinutes() == null)) {
                problems.add("protocol ICE_MASSAGE needs maxIceCubes and maxMinutes");
            }
            if (step.step() == TreatmentStep.HEAT && (step.parameters() == null
                    || step.parameters().maxMinutes() == null || step.parameters().heatKind() == null)) {
                problems.add("protocol HEAT needs maxMinutes and heatKind");
            }
        }
    }

    private void stepRule(StepRule rule) {
        if (rule.steps() == null || rule.steps().isEmpty() || rule.steps().contains(null) || rule.effect() == null) {
            problems.add("stepRules " + rule.id() + ": steps and effect are required");
            return;
        }
        if (rule.effect() == StepEffect.MODIFY) {
            template("stepRules " + rule.id(), rule.limits());
        } else if (rule.limits() != null) {
            problems.add("stepRules " + rule.id() + ": only a MODIFY rule sets limits");
        }
    }

    private void template(String where, StepTemplate template) {
        if (template == null) {
            return;
        }
        if (template.maxIceCubes() != null && (template.maxIceCubes() < 1 || template.maxIceCubes() > 2)) {
            problems.add(where + ": maxIceCubes must be 1 or 2 (never more than two cubes: ice burn)");
        }
        if (template.maxMinutes() != null && (template.maxMinutes() < 1 || template.maxMinutes() > 60)) {
            problems.add(where + ": maxMinutes must be 1-60");
        }
        for (String region : template.regions() == null ? List.<String>of() : template.regions()) {
            try {
                BodySite.valueOf(region.replace(StepTemplate.SIDE_PLACEHOLDER, "LEFT"));
            } catch (IllegalArgumentException | NullPointerException e) {
                problems.add(where + ": unknown region " + region);
            }
        }
    }

    private void notAsked(RedFlagNotAsked notAsked) {
        if (notAsked == null) {
            problems.add("redFlagNotAsked is missing");
        } else {
            rule(notAsked.ruleId(), notAsked.explanation(), List.of(), "redFlagNotAsked");
        }
    }

    private void advice(List<AdviceRule> advice) {
        for (AdviceRule rule : advice) {
            List<String> when = rule.whenAny() == null ? List.of() : rule.whenAny();
            if (rule.advice() == null || (!rule.always() && when.isEmpty() && rule.requiresIncludedStep() == null)) {
                problems.add("advice " + rule.advice() + ": needs always, whenAny or requiresIncludedStep");
            }
            when.stream().filter(name -> !Findings.isKnown(name))
                    .forEach(name -> problems.add("advice " + rule.advice() + ": unknown finding " + name));
        }
    }

    private void followUp(FollowUpRule followUp) {
        if (followUp == null || followUp.daysByOrigin() == null || followUp.withModificationsMaxDays() == null) {
            problems.add("followUp needs daysByOrigin and withModificationsMaxDays");
            return;
        }
        for (Origin origin : Origin.values()) {
            Integer days = followUp.daysByOrigin().get(origin);
            if (days == null || days < 1 || days > 90) {
                problems.add("followUp.daysByOrigin." + origin + " must be 1-90");
            }
        }
    }

    private void rule(String id, String explanation, List<String> when, String where) {
        if (id == null || !RULE_ID.matcher(id).matches()) {
            problems.add(where + ": rule id '" + id + "' must be UPPER_SNAKE_CASE");
        } else if (!ruleIds.add(id)) {
            problems.add(where + ": rule id " + id + " is used twice");
        }
        if (explanation == null || explanation.isBlank() || explanation.length() > MAX_EXPLANATION) {
            problems.add(where + " " + id + ": explanation must be 1-" + MAX_EXPLANATION + " characters");
        }
        if (when == null || (when.isEmpty() && !where.equals("indications") && !where.equals("redFlagNotAsked"))) {
            problems.add(where + " " + id + ": 'when' must name at least one finding");
        } else {
            when.stream().filter(name -> !Findings.isKnown(name))
                    .forEach(name -> problems.add(where + " " + id + ": unknown finding " + name));
        }
    }

    private void required(String name, List<?> list) {
        if (list == null || list.isEmpty()) {
            problems.add(name + " must not be empty");
        }
    }
}
