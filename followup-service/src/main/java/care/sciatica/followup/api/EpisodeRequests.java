package care.sciatica.followup.api;

import care.sciatica.followup.domain.episode.LeadDecision;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a clinical lead sends about an episode of care. */
public final class EpisodeRequests {

    private EpisodeRequests() {
    }

    /**
     * @param decision CONTINUE (the next visit as booked), CHANGE_PLAN (the lead overrides the plan in the assessment
     *                 service) or REFER (the episode closes and the referral is arranged)
     * @param reason   why, in the lead's words: kept in this service, never in an event
     */
    public record Decide(@NotNull LeadDecision decision,
                         @NotBlank @Size(max = 500) @Schema(maxLength = 500) String reason) {
    }
}
