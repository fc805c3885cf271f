package care.sciatica.contracts.intake;

/** How the patient gets up from sitting. */
public enum SitToStand {
    NORMAL, SLOW_GUARDED, NEEDS_HELP, UNABLE
}
