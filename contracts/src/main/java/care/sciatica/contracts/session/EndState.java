package care.sciatica.contracts.session;

/** How a session that did not complete ended. */
public enum EndState {
    ENDED_EARLY, WITHDRAWN, REFUSED
}
