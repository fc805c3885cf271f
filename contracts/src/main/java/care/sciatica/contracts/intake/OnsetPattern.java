package care.sciatica.contracts.intake;

/** Whether the pain came on suddenly or built up. */
public enum OnsetPattern {
    SUDDEN, BUILT_UP
}
