package care.sciatica.contracts.session;

/** What happened to a planned step. */
public enum StepOutcome {
    PERFORMED, MODIFIED, SKIPPED
}
