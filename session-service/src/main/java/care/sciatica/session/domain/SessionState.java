package care.sciatica.session.domain;

/**
 * Where a treatment session stands: open until consent is given, in progress from the first step, and closed once it is
 * completed, ended early, withdrawn or refused.
 */
public enum SessionState {
    OPEN, CONSENTED, IN_PROGRESS, COMPLETED, ENDED_EARLY, WITHDRAWN, REFUSED;

    /** A closed session accepts no further command. */
    public boolean isClosed() {
        return this == COMPLETED || this == ENDED_EARLY || this == WITHDRAWN || this == REFUSED;
    }
}
