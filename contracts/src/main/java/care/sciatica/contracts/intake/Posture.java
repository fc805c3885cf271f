package care.sciatica.contracts.intake;

/** How the patient holds themself. */
public enum Posture {
    UPRIGHT, FLEXED, LATERAL_SHIFT, FOETAL_ONLY
}
