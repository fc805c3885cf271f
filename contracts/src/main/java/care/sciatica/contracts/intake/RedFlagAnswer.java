package care.sciatica.contracts.intake;

/** The answer to one red-flag screening question. */
public enum RedFlagAnswer {
    YES, NO, NOT_ASKED
}
