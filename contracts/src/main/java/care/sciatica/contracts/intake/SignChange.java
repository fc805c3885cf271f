package care.sciatica.contracts.intake;

/** How a neurological sign compares with the previous visit. */
public enum SignChange {
    IMPROVED, UNCHANGED, WORSE
}
