package care.sciatica.contracts;

/**
 * Kafka topic names: one events topic per producing service, keyed by caseId, and one dead-letter topic per consuming service.
 */
public final class Topics {

    public static final String INTAKE_EVENTS = "intake.events";
    public static final String ASSESSMENT_EVENTS = "assessment.events";
    public static final String SESSION_EVENTS = "session.events";
    public static final String FOLLOWUP_EVENTS = "followup.events";

    public static final String INTAKE_DLQ = "intake.dlq";
    public static final String ASSESSMENT_DLQ = "assessment.dlq";
    public static final String SESSION_DLQ = "session.dlq";
    public static final String FOLLOWUP_DLQ = "followup.dlq";

    private Topics() {
    }
}
