package care.sciatica.assessment.domain.rules;

/** One number a clinical lead may change, with why it has that value. */
public record Threshold(Integer value, String why) {

    public int get() {
        return value;
    }
}
