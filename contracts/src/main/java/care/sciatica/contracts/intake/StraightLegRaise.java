package care.sciatica.contracts.intake;

import care.sciatica.contracts.common.Side;

/** The straight leg raise on the affected side: the angle at which leg pain began (absent if none) and whether it reproduced leg pain. */
public record StraightLegRaise(
        Side sideTested,
        Integer angleDegrees,
        boolean reproducesLegPain
) {
}
