package care.sciatica.contracts.session;

/** How consent was recorded. */
public enum ConsentMethod {
    VERBAL, WRITTEN
}
