package care.sciatica.contracts.intake;

import care.sciatica.contracts.common.Side;
import java.time.LocalDate;

/** A knee replacement, relevant to leg traction. */
public record KneeReplacement(
        Side side,
        LocalDate date
) {
}
