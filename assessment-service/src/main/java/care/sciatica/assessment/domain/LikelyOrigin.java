package care.sciatica.assessment.domain;

import care.sciatica.contracts.assessment.Likelihood;
import care.sciatica.contracts.common.Origin;

import java.util.List;

/**
 * The primary origin and an estimate for each of lumbar, sacroiliac and piriformis / deep gluteal; origins can
 * coexist, and the primary is UNDETERMINED when none is more than unlikely.
 */
public record LikelyOrigin(Origin primary, List<OriginEstimate> estimates) {

    public LikelyOrigin {
        estimates = List.copyOf(estimates);
    }

    public OriginEstimate estimateOf(Origin origin) {
        return estimates.stream().filter(e -> e.origin() == origin).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No estimate for " + origin));
    }

    public boolean anyAtLeast(List<Origin> origins, Likelihood minimum) {
        return estimates.stream().anyMatch(e -> origins.contains(e.origin()) && e.atLeast(minimum));
    }
}
