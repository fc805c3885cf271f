package care.sciatica.followup.domain.episode;

import care.sciatica.contracts.common.OutcomeScores;
import care.sciatica.followup.domain.Fixtures;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties of the episode policy over any scores and any number of visits. */
class JudgeEpisodePropertiesTest {

    private final EpisodePolicy policy = Fixtures.seedEpisodePolicy();
    private final JudgeEpisode judge = new JudgeEpisode(policy);

    @Property
    void dischargeHappensExactlyWhenThePolicysCriteriaHold(@ForAll("scores") OutcomeScores baseline,
                                                           @ForAll("reviews") List<OutcomeScores> reviews) {
        EpisodeDecision decision = judge.afterVisit("site-north", baseline, numbered(reviews));

        OutcomeScores latest = reviews.getLast();
        Integer rmdq = null;
        Integer odi = null;
        for (OutcomeScores review : reviews.reversed()) {
            if (review.rmdq() != null || review.odi() != null) {
                rmdq = review.rmdq();
                odi = review.odi();
                break;
            }
        }
        boolean functionNormal = rmdq != null ? rmdq <= policy.discharge().rmdqAtOrBelow()
                : odi != null && odi <= policy.discharge().odiAtOrBelow();
        boolean recovered = latest.painNrs() <= policy.discharge().painNrsAtOrBelow() && functionNormal;
        assertThat(decision instanceof EpisodeDecision.Discharge).isEqualTo(recovered);
    }

    @Property
    void aCaseWorseThanBaselineAndNotRecoveredAlwaysReachesTheClinicalLead(
            @ForAll("scores") OutcomeScores baseline, @ForAll("reviews") List<OutcomeScores> reviews) {
        EpisodeDecision decision = judge.afterVisit("site-north", baseline, numbered(reviews));

        if (judge.change(baseline, reviews.getLast()).worseThanBaseline()
                && !(decision instanceof EpisodeDecision.Discharge)) {
            assertThat(decision).isInstanceOf(EpisodeDecision.LeadReview.class);
        }
    }

    @Property
    void nothingIsBookedBeyondTheSitesVisitCap(@ForAll("scores") OutcomeScores baseline,
                                               @ForAll("reviews") List<OutcomeScores> reviews) {
        EpisodeDecision decision = judge.afterVisit("site-south", baseline, numbered(reviews));

        int visit = reviews.size() + 1;
        boolean books = decision instanceof EpisodeDecision.Continue
                || decision instanceof EpisodeDecision.LeadReview review && review.bookNext();
        if (visit >= policy.visitCap("site-south")) {
            assertThat(books).isFalse();
        }
    }

    @Provide
    Arbitrary<List<OutcomeScores>> reviews() {
        return scores().list().ofMinSize(1).ofMaxSize(10);
    }

    @Provide
    Arbitrary<OutcomeScores> scores() {
        return Combinators.combine(Arbitraries.integers().between(0, 10),
                        Arbitraries.integers().between(0, 100).injectNull(0.4),
                        Arbitraries.integers().between(0, 24).injectNull(0.4))
                .as(OutcomeScores::new);
    }

    /** Reviews at visits 2, 3, … in order. */
    private static List<VisitScores> numbered(List<OutcomeScores> reviews) {
        List<VisitScores> visits = new ArrayList<>();
        for (int i = 0; i < reviews.size(); i++) {
            visits.add(new VisitScores(i + 2, reviews.get(i)));
        }
        return visits;
    }
}
