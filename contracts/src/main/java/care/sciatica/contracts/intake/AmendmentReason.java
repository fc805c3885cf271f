package care.sciatica.contracts.intake;

/** Why a history was amended. */
public enum AmendmentReason {
    CORRECTION, NEW_FINDINGS, REEXAMINATION
}
