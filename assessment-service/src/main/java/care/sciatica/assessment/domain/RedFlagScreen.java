package care.sciatica.assessment.domain;

import care.sciatica.assessment.domain.rules.CaseFacts;
import care.sciatica.assessment.domain.rules.RedFlagRule;
import care.sciatica.assessment.domain.rules.RuleSet;
import care.sciatica.contracts.assessment.Urgency;
import care.sciatica.contracts.intake.RedFlagAnswer;
import care.sciatica.contracts.intake.RedFlags;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The first thing an assessment does: every red-flag rule that fires refers the case out, at the most urgent of their
 * urgencies. Questions intake did not ask do not refer, but must be asked before treatment.
 */
final class RedFlagScreen {

    private RedFlagScreen() {
    }

    static Optional<Referral> screen(CaseFacts facts, RuleSet rules) {
        List<Reason> reasons = new ArrayList<>();
        Urgency urgency = null;
        for (RedFlagRule rule : rules.redFlags()) {
            Optional<Reason> reason = RuleFiring.fire(rule.id(), rule.when(), rule.explanation(), facts, rules.thresholds());
            if (reason.isPresent()) {
                reasons.add(reason.get());
                // Urgency is declared EMERGENCY, URGENT, SOON: the smallest ordinal is the most urgent.
                urgency = urgency == null || rule.urgency().compareTo(urgency) < 0 ? rule.urgency() : urgency;
            }
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of(new Referral(rules.version(), urgency, reasons));
    }

    /** One reason per red-flag question answered NOT_ASKED, naming the question. */
    static List<Reason> notAsked(CaseFacts facts, RuleSet rules) {
        RedFlags answers = facts.history().redFlags();
        List<Reason> reasons = new ArrayList<>();
        for (RecordComponent question : RedFlags.class.getRecordComponents()) {
            if (answer(question, answers) == RedFlagAnswer.NOT_ASKED) {
                reasons.add(Reason.of(rules.redFlagNotAsked().ruleId(), "redFlags." + question.getName(),
                        rules.redFlagNotAsked().explanation()));
            }
        }
        return reasons;
    }

    private static RedFlagAnswer answer(RecordComponent question, RedFlags answers) {
        try {
            return (RedFlagAnswer) question.getAccessor().invoke(answers);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
