package care.sciatica.assessment.domain.rules;

import care.sciatica.contracts.assessment.Likelihood;
import care.sciatica.contracts.common.Origin;
import care.sciatica.contracts.common.TreatmentStep;

import java.util.List;

/**
 * When a mobilisation step is appropriate: one of {@code origins} is at least {@code minimumLikelihood}. Otherwise the
 * step is excluded with {@code ruleId}, citing {@code finding}.
 */
public record Indication(
        TreatmentStep step,
        List<Origin> origins,
        Likelihood minimumLikelihood,
        String ruleId,
        String finding,
        String explanation,
        String why
) {
}
