package care.sciatica.followup.domain.episode;

import care.sciatica.contracts.common.OutcomeScores;
import care.sciatica.followup.domain.Fixtures;
import care.sciatica.followup.domain.followup.TaskReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The episode policy of seeds/followup, rule by rule: each decision names its rules, findings and sources. */
class JudgeEpisodeTest {

    private static final OutcomeScores BASELINE = new OutcomeScores(7, 40, 14);

    private final JudgeEpisode judge = new JudgeEpisode(Fixtures.seedEpisodePolicy());

    /**
     * Columns: site, the visit just reviewed, its NRS, ODI and RMDQ (blank: not recorded), the decision, the lead's
     * task (blank: none), whether the next visit is booked, and the rule ids in order.
     */
    @ParameterizedTest(name = "{0} visit {1}: NRS {2} ODI {3} RMDQ {4} -> {5} {6}")
    @CsvSource(delimiter = '|', nullValues = "", textBlock = """
            site-north | 2 | 4 | 30 | 9  | Continue   |                     | true  | EPISODE_MOVING
            site-north | 2 | 6 |    |    | Continue   |                     | true  | EPISODE_MOVING
            site-north | 2 | 1 |    | 2  | Discharge  |                     | false | EPISODE_RECOVERED
            site-north | 2 | 0 | 10 |    | Discharge  |                     | false | EPISODE_RECOVERED
            site-north | 2 | 1 | 12 |    | Continue   |                     | true  | EPISODE_MOVING
            site-north | 2 | 8 |    |    | LeadReview | WORSE_THAN_BASELINE | true  | EPISODE_WORSE_THAN_BASELINE
            site-north | 2 | 4 | 45 |    | LeadReview | WORSE_THAN_BASELINE | true  | EPISODE_WORSE_THAN_BASELINE
            site-north | 3 | 6 |    | 12 | LeadReview | NOT_IMPROVING       | true  | EPISODE_NO_MINIMAL_IMPORTANT_CHANGE
            site-north | 3 | 5 |    |    | Continue   |                     | true  | EPISODE_MOVING
            site-north | 9 | 4 |    |    | LeadReview | VISIT_CAP_REACHED   | false | EPISODE_VISIT_CAP_REACHED
            site-south | 6 | 4 |    |    | LeadReview | VISIT_CAP_REACHED   | false | EPISODE_VISIT_CAP_REACHED
            site-south | 6 | 9 |    |    | LeadReview | WORSE_THAN_BASELINE | false | EPISODE_WORSE_THAN_BASELINE,EPISODE_VISIT_CAP_REACHED,EPISODE_NO_MINIMAL_IMPORTANT_CHANGE
            site-south | 5 | 4 |    |    | Continue   |                     | true  | EPISODE_MOVING
            """)
    void decidesAsThePolicySays(String site, int visit, int nrs, Integer odi, Integer rmdq, String decision,
                                TaskReason task, boolean bookNext, String rules) {
        EpisodeDecision decided = judge.afterVisit(site, BASELINE, reviewsUpTo(visit, new OutcomeScores(nrs, odi, rmdq)));

        assertThat(decided.getClass().getSimpleName()).isEqualTo(decision);
        assertThat(decided.reasons()).extracting(reason -> reason.ruleId()).containsExactly(rules.split(","));
        assertThat(decided.reasons()).allSatisfy(reason -> {
            assertThat(reason.finding()).isNotBlank();
            assertThat(reason.explanation()).isNotBlank();
        });
        if (decided instanceof EpisodeDecision.LeadReview review) {
            assertThat(review.task()).isEqualTo(task);
            assertThat(review.bookNext()).isEqualTo(bookNext);
        } else {
            assertThat(task).isNull();
        }
    }

    @Test
    void aDischargeNamesTheScoresAgainstTheBaselineAndTheSource() {
        EpisodeDecision decided = judge.afterVisit("site-north", BASELINE,
                List.of(new VisitScores(2, new OutcomeScores(3, null, 8)), new VisitScores(3, new OutcomeScores(1, null, 2))));

        assertThat(decided).isInstanceOf(EpisodeDecision.Discharge.class);
        assertThat(decided.reasons().getFirst().finding()).isEqualTo("review.scores");
        assertThat(decided.reasons().getFirst().explanation())
                .startsWith("visit 3: NRS 1 (baseline 7), RMDQ 2 (baseline 14). Kamper 2010");
    }

    @Test
    void withoutAFunctionalScoreSinceIntakeNoOneIsDischargedOnPainAlone() {
        EpisodeDecision decided = judge.afterVisit("site-north", BASELINE,
                List.of(new VisitScores(2, new OutcomeScores(0, null, null))));

        assertThat(decided).isInstanceOf(EpisodeDecision.Continue.class);
    }

    @Test
    void theLatestFunctionalScoreCountsWhenThisVisitRecordedPainOnly() {
        EpisodeDecision decided = judge.afterVisit("site-north", BASELINE,
                List.of(new VisitScores(2, new OutcomeScores(2, null, 1)), new VisitScores(3, new OutcomeScores(1, null, null))));

        assertThat(decided).isInstanceOf(EpisodeDecision.Discharge.class);
    }

    @ParameterizedTest(name = "baseline {0} -> {1}: MIC {2}")
    @CsvSource({
            "7, 5, true",   // 2 points
            "7, 6, false",  // 1 point, 14 %
            "3, 2, true",   // 1 point is 33 % of 3
            "10, 8, true",
            "0, 0, false",
            "4, 5, false"
    })
    void painReachesTheMinimalImportantChangeByPointsOrThirtyPercent(int baseline, int now, boolean reached) {
        ScoreChange change = judge.change(new OutcomeScores(baseline, null, null), new OutcomeScores(now, null, null));

        assertThat(change.painNrsReachedMic()).isEqualTo(reached);
        assertThat(change.painNrs()).isEqualTo(baseline - now);
        assertThat(change.odi()).isNull();
    }

    @Test
    void functionReachesTheMinimalImportantChangeOnItsOwnScale() {
        ScoreChange change = judge.change(new OutcomeScores(6, 40, 14), new OutcomeScores(6, 30, 10));

        assertThat(change.painNrsReachedMic()).isFalse();
        assertThat(change.odiReachedMic()).isTrue();
        assertThat(change.rmdqReachedMic()).isFalse(); // 4 points, 29 %
        assertThat(change.micReached()).isTrue();
        assertThat(change.worseThanBaseline()).isFalse();
    }

    @Test
    void anEpisodeIsJudgedOnlyAfterAReview() {
        assertThatThrownBy(() -> judge.afterVisit("site-north", BASELINE, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Reviews at visits 2..visit, the earlier ones at the baseline's scores, the last one {@code latest}. */
    private static List<VisitScores> reviewsUpTo(int visit, OutcomeScores latest) {
        List<VisitScores> reviews = new ArrayList<>();
        for (int earlier = 2; earlier < visit; earlier++) {
            reviews.add(new VisitScores(earlier, new OutcomeScores(6, null, null)));
        }
        reviews.add(new VisitScores(visit, latest));
        return reviews;
    }
}
