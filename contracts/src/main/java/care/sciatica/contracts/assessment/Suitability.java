package care.sciatica.contracts.assessment;

import care.sciatica.contracts.common.Reason;
import java.util.List;

/** Whether massage is appropriate now, and why. */
public record Suitability(
        SuitabilityDecision decision,
        List<Reason> reasons
) {
}
