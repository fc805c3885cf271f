package care.sciatica.contracts.intake;

import care.sciatica.contracts.common.OutcomeScores;

/** The short review at a follow-up visit: the outcome scores now and how the neurological signs changed. */
public record VisitReview(
        OutcomeScores scores,
        NeurologicalChange neurologicalChange
) {
}
