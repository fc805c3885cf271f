package care.sciatica.assessment.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Why a rule fired: the rule's id, the history field that triggered it (a dotted path such as
 * {@code conditions.raynauds}) and the explanation a clinician reads.
 */
public record Reason(String ruleId, String finding, String explanation) {

    /** The catalogue's limit on an explanation's length. */
    public static final int MAX_EXPLANATION = 300;
    private static final Pattern RULE_ID = Pattern.compile("^[A-Z][A-Z0-9_]*$");
    private static final Pattern FINDING = Pattern.compile("^[a-zA-Z][a-zA-Z0-9]*(\\.[a-zA-Z][a-zA-Z0-9]*)*$");

    public Reason {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(explanation, "explanation");
        if (!RULE_ID.matcher(ruleId).matches()) {
            throw new IllegalArgumentException("Rule id must be UPPER_SNAKE_CASE: " + ruleId);
        }
        if (!FINDING.matcher(finding).matches()) {
            throw new IllegalArgumentException("Finding must be a dotted history path: " + finding);
        }
        if (explanation.isBlank() || explanation.length() > MAX_EXPLANATION) {
            throw new IllegalArgumentException("Explanation must be 1-" + MAX_EXPLANATION + " characters");
        }
    }

    /** A reason whose explanation is cut to the catalogue's limit, for text that is composed at run time. */
    public static Reason of(String ruleId, String finding, String explanation) {
        String text = explanation.strip();
        if (text.length() > MAX_EXPLANATION) {
            text = text.substring(0, MAX_EXPLANATION - 1) + "…";
        }
        return new Reason(ruleId, finding, text);
    }
}
