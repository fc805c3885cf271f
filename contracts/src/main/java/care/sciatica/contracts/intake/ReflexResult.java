package care.sciatica.contracts.intake;

/** A deep tendon reflex finding. */
public enum ReflexResult {
    NORMAL, REDUCED, ABSENT, NOT_TESTED
}
