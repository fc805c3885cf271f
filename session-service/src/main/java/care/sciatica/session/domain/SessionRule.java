package care.sciatica.session.domain;

/**
 * The rules a treatment session enforces. The enum name is the stable code a refusal carries; the statement says the
 * rule in the clinic's words; the kind tells the API whether the refusal is a clash with the session's state or a
 * record that must not be made.
 */
public enum SessionRule {

    OPERATION_NOT_ALLOWED(Kind.STATE, "Each operation is allowed only in some states of the session"),
    CONSENT_REQUIRED(Kind.STATE, "No step before consent"),
    EXPLANATION_REQUIRED(Kind.STATE, "Consent is given only after the treatment was explained"),
    EXPLANATION_INCOMPLETE(Kind.SAFETY, "Consent is given only after an explanation of what will happen, how it will"
            + " help and the right to stop (and of ice and heat when the plan uses them), with the patient's questions"
            + " answered"),
    PAIN_BEFORE_REQUIRED(Kind.STATE, "Pain before is scored before the first step"),
    CONSENT_IS_NOT_A_STEP(Kind.INPUT, "Explanation and consent are recorded as an explanation and a consent, not as a"
            + " step"),
    ICE_CUBE_LIMIT(Kind.SAFETY, "Never more than two ice cubes at once (ice burn)"),
    EXCLUDED_ICE_OR_HEAT(Kind.SAFETY, "No ice or heat step the plan excluded, whoever asks"),
    EXCLUDED_STEP_WITHOUT_OVERRIDE(Kind.SAFETY, "A step the plan excluded is performed only with a clinical lead's"
            + " override that names the lead and gives a reason"),
    MASSAGE_UNDER_HEAT(Kind.SAFETY, "The affected area and the spine are not massaged while heat is still applied;"
            + " remove the heat first"),
    OUT_OF_ORDER(Kind.SAFETY, "Steps follow the protocol's order, or the deviation is recorded as MODIFIED with a"
            + " reason"),
    PLAN_LIMIT_EXCEEDED(Kind.SAFETY, "A step stays within the plan's limits (ice cubes, minutes, pressure), or the"
            + " deviation is recorded as MODIFIED with a reason"),
    SAFETY_LIMIT_EXCEEDED(Kind.SAFETY, "A safety limit of the plan is lifted only by a clinical lead's override with"
            + " a reason, never by a deviation reason"),
    DEVIATION_REASON_REQUIRED(Kind.INPUT, "A step modified, skipped or done against the plan carries a deviation"
            + " reason"),
    REASON_WITHOUT_DEVIATION(Kind.INPUT, "A step performed as planned carries no deviation reason; a deviation is"
            + " recorded as MODIFIED"),
    NO_HEAT_APPLIED(Kind.STATE, "Heat is removed only while heat is applied"),
    HEAT_STILL_APPLIED(Kind.STATE, "The heat is removed before the session completes"),
    NOTHING_PERFORMED(Kind.STATE, "A session completes only after at least one step was performed; otherwise it ends"
            + " early"),
    STEPS_UNACCOUNTED(Kind.STATE, "Every planned step is performed or skipped with a reason before the session"
            + " completes"),
    PAIN_AFTER_REQUIRED(Kind.STATE, "Pain after is scored before the session completes"),
    INVALID_INPUT(Kind.INPUT, "The record must be complete and within its ranges");

    /** Whether a refusal clashes with the session's current state (409) or refuses what is asked (422). */
    public enum Kind {
        STATE, SAFETY, INPUT
    }

    private final Kind kind;
    private final String statement;

    SessionRule(Kind kind, String statement) {
        this.kind = kind;
        this.statement = statement;
    }

    public Kind kind() {
        return kind;
    }

    /** The rule in the clinic's words. */
    public String statement() {
        return statement;
    }

    /** The stable code a refusal carries. */
    public String code() {
        return name();
    }
}
