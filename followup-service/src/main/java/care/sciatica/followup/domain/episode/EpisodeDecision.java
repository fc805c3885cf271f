package care.sciatica.followup.domain.episode;

import care.sciatica.contracts.common.Reason;
import care.sciatica.followup.domain.followup.TaskReason;

import java.util.List;

/** What the episode policy decides once a follow-up visit has been reviewed and its session has ended. */
public sealed interface EpisodeDecision {

    List<Reason> reasons();

    /** The patient has recovered: the episode closes and nothing more is booked. */
    record Discharge(List<Reason> reasons) implements EpisodeDecision {
    }

    /**
     * A clinical lead reviews the case (continue, change the plan, or refer) and it is flagged; the next visit is still
     * booked, flagged for the lead, unless the site's visit cap is reached.
     */
    record LeadReview(TaskReason task, boolean bookNext, List<Reason> reasons) implements EpisodeDecision {
    }

    /** Recovery is moving: the next visit is booked as usual. */
    record Continue(List<Reason> reasons) implements EpisodeDecision {
    }
}
