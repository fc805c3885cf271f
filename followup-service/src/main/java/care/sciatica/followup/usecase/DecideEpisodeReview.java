package care.sciatica.followup.usecase;

import care.sciatica.followup.api.EpisodeRequests;
import care.sciatica.followup.api.EpisodeView;
import care.sciatica.followup.domain.episode.LeadDecision;
import care.sciatica.followup.domain.followup.TaskReason;
import care.sciatica.followup.persistence.EpisodeRow;
import care.sciatica.followup.persistence.FollowUpTaskRow;
import care.sciatica.platform.audit.AuditLog;
import care.sciatica.platform.idempotency.IdempotentRequests;
import care.sciatica.platform.problem.ProblemException;
import care.sciatica.platform.security.SiteScope;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A clinical lead's decision on an episode the policy flagged: the lead's review tasks it opened are done, the flag is
 * lifted, and for a referral the episode closes and its arrangement becomes a task. One transaction with its audit
 * entry; the lead's reason stays here.
 */
@ApplicationScoped
public class DecideEpisodeReview {

    /** The task reasons the episode policy opens a lead's review for. */
    static final List<String> POLICY_REVIEWS = List.of(TaskReason.WORSE_THAN_BASELINE.name(),
            TaskReason.NOT_IMPROVING.name(), TaskReason.VISIT_CAP_REACHED.name());

    private final SiteScope siteScope;
    private final IdempotentRequests idempotentRequests;
    private final PlanFollowUp planFollowUp;
    private final AuditLog auditLog;
    private final ReadEpisode readEpisode;

    public DecideEpisodeReview(SiteScope siteScope, IdempotentRequests idempotentRequests, PlanFollowUp planFollowUp,
                               AuditLog auditLog, ReadEpisode readEpisode) {
        this.siteScope = siteScope;
        this.idempotentRequests = idempotentRequests;
        this.planFollowUp = planFollowUp;
        this.auditLog = auditLog;
        this.readEpisode = readEpisode;
    }

    @WithTransaction
    public Uni<EpisodeView> decide(UUID caseId, EpisodeRequests.Decide request, String key) {
        String scope = "episode:" + caseId + ":lead-decision:" + siteScope.caller();
        return idempotentRequests.once(scope, key, request, EpisodeView.class, () -> EpisodeRow
                .<EpisodeRow>findById(caseId, LockModeType.PESSIMISTIC_WRITE)
                .map(found -> siteScope.visible(found, row -> row.siteId, "episode", caseId))
                .chain(episode -> FollowUpTaskRow.<FollowUpTaskRow>list("caseId = ?1 and status = ?2 and reason in ?3",
                                caseId, FollowUpTaskRow.OPEN, POLICY_REVIEWS)
                        .chain(reviews -> decide(episode, reviews, request)))
                .chain(() -> readEpisode.view(caseId)));
    }

    private Uni<Void> decide(EpisodeRow episode, List<FollowUpTaskRow> reviews, EpisodeRequests.Decide request) {
        if (reviews.isEmpty()) {
            throw ProblemException.conflict("episode/no-lead-review", "No clinical lead's review of episode "
                    + episode.caseId + " is waiting: the episode policy has not asked for one, or it was decided");
        }
        Instant now = Instant.now();
        String lead = siteScope.caller();
        reviews.forEach(task -> {
            task.status = FollowUpTaskRow.DONE;
            task.closedAt = now;
            task.closedBy = lead;
        });
        episode.flaggedForLead = false;
        episode.leadDecision = request.decision().name();
        episode.leadDecisionReason = request.reason();
        episode.leadDecidedBy = lead;
        episode.leadDecidedAt = now;
        Uni<Void> referral = Uni.createFrom().voidItem();
        if (request.decision() == LeadDecision.REFER) {
            episode.status = EpisodeRow.REFERRED;
            episode.closedAt = now;
            referral = planFollowUp.episodeTask(episode.caseId.toString(), episode.siteId, episode.patientRef,
                    TaskReason.REFERRAL_SOON, now).replaceWithVoid();
        }
        return referral.chain(() -> auditLog.record(lead, "episode.lead-decided", episode.siteId, episode.caseId,
                episode.caseId.toString(), "decision=" + request.decision() + " closedTasks=" + reviews.size()));
    }
}
