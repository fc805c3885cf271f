package care.sciatica.contracts.intake;

/** How the patient walked in. */
public enum Gait {
    NORMAL, ANTALGIC, LIMP, NEEDED_HELP, CARRIED_IN
}
