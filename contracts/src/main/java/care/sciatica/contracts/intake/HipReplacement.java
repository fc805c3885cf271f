package care.sciatica.contracts.intake;

import care.sciatica.contracts.common.Side;
import java.time.LocalDate;

/** A hip replacement, with the approach that decides the movement precautions. */
public record HipReplacement(
        Side side,
        SurgicalApproach approach,
        LocalDate date
) {
}
