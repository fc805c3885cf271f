package care.sciatica.assessment.domain;

/** A clinical lead's override the domain does not allow, e.g. one that would turn a referral into a plan. */
public class OverrideRefusedException extends RuntimeException {

    public OverrideRefusedException(String message) {
        super(message);
    }
}
