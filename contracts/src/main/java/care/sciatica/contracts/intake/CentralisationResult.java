package care.sciatica.contracts.intake;

/** Whether repeated movements centralised the pain. */
public enum CentralisationResult {
    YES, NO, NOT_TESTED
}
