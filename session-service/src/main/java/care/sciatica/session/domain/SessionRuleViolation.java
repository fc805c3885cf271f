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

    public SessionRuleViolation(SessionRule rule, SessionState state, String detail) {
        super(reason(rule, detail));
        this.rule = Objects.requireNonNull(rule, "rule");
        this.state = Objects.requireNonNull(state, "state");
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
