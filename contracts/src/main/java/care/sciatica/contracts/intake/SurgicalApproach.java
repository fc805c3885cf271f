package care.sciatica.contracts.intake;

/** The surgical approach of a hip replacement, which decides the movement precautions. */
public enum SurgicalApproach {
    POSTERIOR, ANTERIOR, LATERAL, UNKNOWN
}
