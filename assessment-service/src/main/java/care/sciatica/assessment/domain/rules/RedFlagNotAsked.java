package care.sciatica.assessment.domain.rules;

/** How a plan flags a red-flag question that intake did not ask: it must be asked before treatment. */
public record RedFlagNotAsked(String ruleId, String explanation, String why) {
}
