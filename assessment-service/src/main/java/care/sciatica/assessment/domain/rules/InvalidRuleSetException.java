package care.sciatica.assessment.domain.rules;

/** The rules file cannot be used: it is unreadable, or a rule names something the domain does not know. */
public class InvalidRuleSetException extends RuntimeException {

    public InvalidRuleSetException(String message) {
        super(message);
    }

    public InvalidRuleSetException(String message, Throwable cause) {
        super(message, cause);
    }
}
