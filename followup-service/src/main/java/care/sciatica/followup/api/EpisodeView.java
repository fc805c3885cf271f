package care.sciatica.followup.api;

import care.sciatica.contracts.common.OutcomeScores;
import care.sciatica.followup.domain.episode.ScoreChange;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A case's episode of care: its baseline, every visit with its scores and their change from the baseline, whether the
 * minimal important change was reached, the plan version and the steps done, and what the episode policy decided.
 */
@Schema(description = "A case's trajectory over the visits of its episode of care")
public record EpisodeView(
        UUID caseId,
        String siteId,
        String patientRef,
        @Schema(description = "OPEN, DISCHARGED, REFERRED or LAPSED") String status,
        @Schema(description = "Whether the episode policy asked a clinical lead to review the case") boolean flaggedForLead,
        @Schema(description = "The episode policy that judges (or closed) the episode") String policyVersion,
        @Schema(description = "The intake's scores; null until the history is known here") OutcomeScores baseline,
        Instant openedAt,
        Instant closedAt,
        @Schema(description = "The clinical lead's latest decision: CONTINUE, CHANGE_PLAN or REFER (its reason stays "
                + "in the audit)") String leadDecision,
        String leadDecidedBy,
        Instant leadDecidedAt,
        List<Visit> visits,
        List<FollowUpTaskView> openTasks
) {

    /** One visit: visit 1 is the intake's, later ones started when a follow-up appointment was attended. */
    public record Visit(
            int visit,
            Instant startedAt,
            UUID appointmentId,
            @Schema(description = "The scores recorded at this visit; null until its review") OutcomeScores scores,
            Instant reviewedAt,
            @Schema(description = "The improvement from the baseline (baseline minus now) and the MIC per measure")
            ScoreChange change,
            @Schema(description = "Whether pain or function reached the minimal important change") Boolean micReached,
            Integer planVersion,
            List<String> stepsDone,
            @Schema(description = "COMPLETED, ENDED_EARLY or REFERRED; null while the visit is open") String session,
            Instant sessionAt,
            @Schema(description = "SCHEDULE, CONTINUE, DISCHARGE, LEAD_REVIEW_<reason> or REFERRED") String decision,
            Instant decidedAt
    ) {
    }
}
