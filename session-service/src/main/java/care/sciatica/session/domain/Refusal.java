package care.sciatica.session.domain;

/** A rule a command would break, and how; the session turns it into a {@link SessionRuleViolation} with its state. */
record Refusal(SessionRule rule, String detail) {

    SessionRuleViolation in(SessionState state) {
        return new SessionRuleViolation(rule, state, detail);
    }
}
