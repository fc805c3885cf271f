package care.sciatica.assessment.domain;

import care.sciatica.assessment.domain.rules.Thresholds;
import care.sciatica.contracts.assessment.Likelihood;
import care.sciatica.contracts.common.Origin;
import care.sciatica.contracts.intake.History;

import java.util.Comparator;
import java.util.List;

/**
 * Estimates each origin and names the primary: the most likely one, lumbar first on a tie (REFERENCE.md §1 rule
 * order), or UNDETERMINED when every origin is unlikely and the practitioner must judge.
 */
final class OriginClassifier {

    private OriginClassifier() {
    }

    static LikelyOrigin classify(History history, Thresholds thresholds) {
        List<OriginEstimate> estimates = List.of(
                LumbarSigns.estimate(history, thresholds),
                SacroiliacSigns.estimate(history, thresholds),
                PiriformisSigns.estimate(history, thresholds));
        return new LikelyOrigin(primaryOf(estimates), estimates);
    }

    static Origin primaryOf(List<OriginEstimate> estimates) {
        // min over HIGH < MODERATE < LOW; the stream keeps the first of equals, and the list is in rule order.
        OriginEstimate best = estimates.stream().min(Comparator.comparing(OriginEstimate::likelihood)).orElseThrow();
        return best.likelihood() == Likelihood.LOW ? Origin.UNDETERMINED : best.origin();
    }
}
