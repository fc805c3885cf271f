package care.sciatica.followup.domain.episode;

import care.sciatica.contracts.common.OutcomeScores;

/** The outcome scores recorded at one follow-up visit's review (visit 2 onwards). */
public record VisitScores(int visit, OutcomeScores scores) {
}
