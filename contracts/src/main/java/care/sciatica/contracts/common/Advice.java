package care.sciatica.contracts.common;

/** Advice a plan recommends and a session records as given. */
public enum Advice {
    SITTING_CUSHION, EXERCISE, ACTIVITY_MODIFICATION, HEAT_AT_HOME
}
