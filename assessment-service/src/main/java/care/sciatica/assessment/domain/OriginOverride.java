package care.sciatica.assessment.domain;

import care.sciatica.contracts.assessment.Likelihood;
import care.sciatica.contracts.common.Origin;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays a lead's origin over the classifier's: the named origin becomes primary and HIGH (so the mobilisation it
 * indicates is planned), with the lead's reason first among its findings; UNDETERMINED makes every origin LOW.
 */
final class OriginOverride {

    private OriginOverride() {
    }

    static LikelyOrigin apply(LikelyOrigin classified, LeadOverride.OfOrigin override) {
        Reason lead = override.asReason();
        List<OriginEstimate> estimates = new ArrayList<>();
        for (OriginEstimate estimate : classified.estimates()) {
            if (override.origin() == Origin.UNDETERMINED) {
                estimates.add(new OriginEstimate(estimate.origin(), Likelihood.LOW, estimate.level(),
                        estimate.findingsFor(), prepend(lead, estimate.findingsAgainst())));
            } else if (estimate.origin() == override.origin()) {
                estimates.add(new OriginEstimate(estimate.origin(), Likelihood.HIGH, estimate.level(),
                        prepend(lead, estimate.findingsFor()), estimate.findingsAgainst()));
            } else {
                estimates.add(estimate);
            }
        }
        return new LikelyOrigin(override.origin(), estimates);
    }

    private static List<Reason> prepend(Reason first, List<Reason> rest) {
        List<Reason> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
