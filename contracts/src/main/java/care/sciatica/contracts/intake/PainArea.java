package care.sciatica.contracts.intake;

/** Where the pain is felt. */
public enum PainArea {
    BACK, BUTTOCK, THIGH, BELOW_KNEE, FOOT
}
