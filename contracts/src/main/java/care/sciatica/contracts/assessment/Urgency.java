package care.sciatica.contracts.assessment;

/** How soon a referred patient must be seen. */
public enum Urgency {
    EMERGENCY, URGENT, SOON
}
