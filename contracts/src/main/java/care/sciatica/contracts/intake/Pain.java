package care.sciatica.contracts.intake;

import care.sciatica.contracts.common.Side;
import java.util.List;

/** Where the pain is, how bad (NRS 0-10), and what makes it worse or better. */
public record Pain(
        Side side,
        List<PainArea> distribution,
        int nrsNow,
        int nrsWorst,
        List<PainFactor> aggravatingFactors,
        List<PainFactor> easingFactors,
        boolean nightPain
) {
}
