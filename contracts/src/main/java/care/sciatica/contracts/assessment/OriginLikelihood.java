package care.sciatica.contracts.assessment;

import care.sciatica.contracts.common.NerveRoot;
import care.sciatica.contracts.common.Origin;
import care.sciatica.contracts.common.Reason;
import java.util.List;

/** How likely one origin is, at which nerve root (lumbar only), and the findings for and against it. */
public record OriginLikelihood(
        Origin origin,
        Likelihood likelihood,
        NerveRoot level,
        List<Reason> findingsFor,
        List<Reason> findingsAgainst
) {
}
