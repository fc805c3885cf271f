package care.sciatica.assessment.domain;

import care.sciatica.contracts.assessment.Likelihood;
import care.sciatica.contracts.common.NerveRoot;
import care.sciatica.contracts.common.Origin;

import java.util.List;

/** How likely one origin is, at which nerve root (lumbar only, when the signs agree), and the findings for and against. */
public record OriginEstimate(
        Origin origin,
        Likelihood likelihood,
        NerveRoot level,
        List<Reason> findingsFor,
        List<Reason> findingsAgainst
) {

    public OriginEstimate {
        if (origin == Origin.UNDETERMINED) {
            throw new IllegalArgumentException("UNDETERMINED is a conclusion, not an origin to estimate");
        }
        if (level != null && origin != Origin.LUMBAR) {
            throw new IllegalArgumentException("Only a lumbar origin has a nerve-root level");
        }
        findingsFor = List.copyOf(findingsFor);
        findingsAgainst = List.copyOf(findingsAgainst);
    }

    public boolean atLeast(Likelihood minimum) {
        // Likelihood is declared HIGH, MODERATE, LOW: a smaller ordinal is more likely.
        return likelihood.ordinal() <= minimum.ordinal();
    }
}
