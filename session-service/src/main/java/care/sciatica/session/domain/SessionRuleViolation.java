package care.sciatica.session.domain;

import java.util.Objects;

/**
 * A command the session refused: which rule (a stable code), the state the session was in, and a reason a person can
 * read. The session is exactly as it was before the command.
 */
public final class SessionRuleViolation extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final SessionRule rule;
    private final SessionState state;
    private final String field;
    private final String detail;

    public SessionRuleViolation(SessionRule rule, SessionState state, String detail) {
        this(rule, state, detail, null);
    }

    /** @param field the request field at fault, such as {@code parameters.heatAppliedAt}; null when no one field is */
    public SessionRuleViolation(SessionRule rule, SessionState state, String detail, String field) {
        super(reason(rule, detail));
        this.rule = Objects.requireNonNull(rule, "rule");
        this.state = Objects.requireNonNull(state, "state");
        this.field = field;
        this.detail = detail;
    }

    /** What broke the rule, without the rule's statement. */
    public String detail() {
        return detail;
    }

    /** The request field at fault, or null. */
    public String field() {
        return field;
    }

    public SessionRule rule() {
        return rule;
    }

    public String code() {
        return rule.code();
    }

    public SessionState state() {
        return state;
    }

    /** The rule and what broke it, e.g. "Never more than two ice cubes at once (ice burn): 3 were recorded". */
    public String reason() {
        return getMessage();
    }

    private static String reason(SessionRule rule, String detail) {
        return rule == SessionRule.OPERATION_NOT_ALLOWED ? detail : rule.statement() + ": " + detail;
    }
}
