package care.sciatica.followup.domain.episode;

import care.sciatica.contracts.common.OutcomeScores;
import care.sciatica.contracts.common.Reason;
import care.sciatica.followup.domain.followup.TaskReason;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The episode policy applied after a follow-up visit: discharge when recovered; otherwise a clinical lead when the
 * case is worse than at baseline, has reached the site's visit cap, or has not reached the minimal important change
 * by the policy's visit; otherwise the next visit as usual. Each decision names its rules and findings.
 */
public final class JudgeEpisode {

    static final String RECOVERED = "EPISODE_RECOVERED";
    static final String WORSE = "EPISODE_WORSE_THAN_BASELINE";
    static final String CAP = "EPISODE_VISIT_CAP_REACHED";
    static final String NO_MIC = "EPISODE_NO_MINIMAL_IMPORTANT_CHANGE";
    static final String MOVING = "EPISODE_MOVING";
    /** The review's field each rule reads (a reason's finding is a field path). */
    private static final String SCORES = "review.scores";
    private static final String VISIT = "visit";

    private final EpisodePolicy policy;

    public JudgeEpisode(EpisodePolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public EpisodePolicy policy() {
        return policy;
    }

    /** The change of one visit's scores from the baseline. */
    public ScoreChange change(OutcomeScores baseline, OutcomeScores now) {
        return ScoreChange.between(baseline, now, policy.minimalImportantChange());
    }

    /**
     * @param baseline the scores recorded at intake
     * @param reviews  every follow-up review of the episode so far, oldest first; the last is the visit just ended
     */
    public EpisodeDecision afterVisit(String siteId, OutcomeScores baseline, List<VisitScores> reviews) {
        if (reviews.isEmpty()) {
            throw new IllegalArgumentException("An episode is judged after a follow-up review, not before");
        }
        VisitScores latest = reviews.getLast();
        ScoreChange change = change(baseline, latest.scores());
        String findings = findings(baseline, latest);
        if (recovered(latest.scores(), reviews)) {
            return new EpisodeDecision.Discharge(List.of(reason(RECOVERED, SCORES, findings, policy.discharge().source())));
        }
        List<Reason> reasons = new ArrayList<>();
        TaskReason task = null;
        if (policy.stall().worseThanBaselineAtAnyReview() && change.worseThanBaseline()) {
            reasons.add(reason(WORSE, SCORES, findings + ", worse than at baseline", policy.stall().source()));
            task = TaskReason.WORSE_THAN_BASELINE;
        }
        int cap = policy.visitCap(siteId);
        boolean capReached = latest.visit() >= cap;
        if (capReached) {
            reasons.add(reason(CAP, VISIT, "visit " + latest.visit() + " of at most " + cap + " at " + siteId,
                    policy.visitCapSource()));
            task = task == null ? TaskReason.VISIT_CAP_REACHED : task;
        }
        if (!change.micReached() && latest.visit() >= policy.stall().noMinimalImportantChangeByVisit()) {
            reasons.add(reason(NO_MIC, SCORES, findings + ", no minimal important change by visit " + latest.visit(),
                    policy.stall().source() + "; " + policy.minimalImportantChange().source()));
            task = task == null ? TaskReason.NOT_IMPROVING : task;
        }
        if (task != null) {
            return new EpisodeDecision.LeadReview(task, !capReached, List.copyOf(reasons));
        }
        return new EpisodeDecision.Continue(List.of(reason(MOVING, SCORES, findings, change.micReached()
                ? "Minimal important change reached. " + policy.minimalImportantChange().source()
                : "Not yet at visit " + policy.stall().noMinimalImportantChangeByVisit() + " of the stall rule. "
                        + policy.stall().source())));
    }

    /** A reason whose explanation says what was found at the visit, then the rule's source. */
    private static Reason reason(String ruleId, String field, String found, String source) {
        return new Reason(ruleId, field, found + ". " + source);
    }

    /** NRS at or below the policy's figure and the latest functional score recorded at a review within normal. */
    private boolean recovered(OutcomeScores now, List<VisitScores> reviews) {
        EpisodePolicy.Discharge discharge = policy.discharge();
        if (now.painNrs() > discharge.painNrsAtOrBelow()) {
            return false;
        }
        for (VisitScores review : reviews.reversed()) {
            OutcomeScores scores = review.scores();
            if (scores.rmdq() != null) {
                return scores.rmdq() <= discharge.rmdqAtOrBelow();
            }
            if (scores.odi() != null) {
                return scores.odi() <= discharge.odiAtOrBelow();
            }
        }
        return false;
    }

    private static String findings(OutcomeScores baseline, VisitScores latest) {
        OutcomeScores now = latest.scores();
        StringBuilder text = new StringBuilder("visit " + latest.visit() + ": NRS " + now.painNrs()
                + " (baseline " + baseline.painNrs() + ")");
        if (now.odi() != null) {
            text.append(", ODI ").append(now.odi()).append(baseline.odi() == null ? "" : " (baseline " + baseline.odi() + ")");
        }
        if (now.rmdq() != null) {
            text.append(", RMDQ ").append(now.rmdq()).append(baseline.rmdq() == null ? "" : " (baseline " + baseline.rmdq() + ")");
        }
        return text.toString();
    }
}
