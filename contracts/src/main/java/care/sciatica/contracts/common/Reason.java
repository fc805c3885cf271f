package care.sciatica.contracts.common;

/**
 * Why a rule fired: the rule's id, the history field that triggered it (a JSON-pointer-like path such as
 * {@code conditions.raynauds}) and the rule's explanation text.
 */
public record Reason(String ruleId, String finding, String explanation) {
}
