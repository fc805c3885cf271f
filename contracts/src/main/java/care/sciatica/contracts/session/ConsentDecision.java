package care.sciatica.contracts.session;

/** The patient's consent decision. */
public enum ConsentDecision {
    GIVEN, REFUSED, WITHDRAWN
}
