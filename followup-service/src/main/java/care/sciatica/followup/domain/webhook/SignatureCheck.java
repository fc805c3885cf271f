package care.sciatica.followup.domain.webhook;

/** The verdict on a received webhook: valid, or the first reason it was rejected. */
public enum SignatureCheck {
    VALID,
    /** A header is missing or the timestamp is not a number of seconds. */
    MALFORMED,
    /** The timestamp is further from now than the tolerance allows (a replay, or a badly wrong clock). */
    TIMESTAMP_OUT_OF_TOLERANCE,
    /** No {@code v1} signature in the header matches the body under this secret. */
    NO_MATCHING_SIGNATURE;

    public boolean isValid() {
        return this == VALID;
    }
}
