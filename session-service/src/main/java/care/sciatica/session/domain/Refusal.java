package care.sciatica.session.domain;

/**
 * A rule a command would break, and how; the session turns it into a {@link SessionRuleViolation} with its state.
 * {@code field} names the request field at fault (e.g. {@code parameters.heatAppliedAt}) when one field is.
 */
record Refusal(SessionRule rule, String detail, String field) {

    Refusal(SessionRule rule, String detail) {
        this(rule, detail, null);
    }

    SessionRuleViolation in(SessionState state) {
        return new SessionRuleViolation(rule, state, detail, field);
    }
}
