package care.sciatica.assessment.domain.rules;

import care.sciatica.contracts.assessment.Urgency;

import java.util.List;

/**
 * Refer instead of treating when every finding in {@code when} is present; the first finding is the one the reason
 * cites. {@code {detail}} in the explanation is replaced by the findings' details.
 */
public record RedFlagRule(String id, List<String> when, Urgency urgency, String explanation, String why) {
}
