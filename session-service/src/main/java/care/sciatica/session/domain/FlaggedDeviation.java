package care.sciatica.session.domain;

import care.sciatica.contracts.common.TreatmentStep;
import java.time.Instant;
import java.util.Objects;

/**
 * A deviation from the plan the session noticed by itself and recorded rather than refused, such as heat left on
 * longer than the plan allows: what (a stable code), which step, the reason a clinician reads, and when it was found.
 */
public record FlaggedDeviation(String code, int stepSequence, TreatmentStep step, String reason, Instant at) {

    /** Heat stayed on longer than the plan's maximum minutes. */
    public static final String HEAT_LEFT_ON_TOO_LONG = "HEAT_LEFT_ON_TOO_LONG";

    public FlaggedDeviation {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }
}
