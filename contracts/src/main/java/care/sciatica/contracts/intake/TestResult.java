package care.sciatica.contracts.intake;

/** The result of a provocation test; positive means it reproduced the familiar pain. */
public enum TestResult {
    POSITIVE, NEGATIVE, NOT_TESTED
}
