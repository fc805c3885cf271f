package care.sciatica.contracts.intake;

/** How well the patient tolerates sitting. */
public enum SittingTolerance {
    NORMAL, REDUCED, UNABLE
}
