package care.sciatica.contracts.assessment;

import care.sciatica.contracts.common.Origin;
import java.util.List;

/** The primary origin and a likelihood for each origin considered; origins can coexist. */
public record OriginAssessment(
        Origin primary,
        List<OriginLikelihood> likelihoods
) {
}
