package care.sciatica.followup.usecase;

import care.sciatica.contracts.common.OutcomeScores;
import care.sciatica.followup.api.EpisodeView;
import care.sciatica.followup.api.FollowUpTaskView;
import care.sciatica.followup.domain.episode.JudgeEpisode;
import care.sciatica.followup.domain.episode.ScoreChange;
import care.sciatica.followup.persistence.EpisodeRow;
import care.sciatica.followup.persistence.EpisodeVisitRow;
import care.sciatica.followup.persistence.FollowUpTaskRow;
import care.sciatica.platform.security.SiteScope;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A case's trajectory at the caller's sites; another site's case is not found. */
@ApplicationScoped
public class ReadEpisode {

    private final SiteScope siteScope;
    private final JudgeEpisode judge;

    public ReadEpisode(SiteScope siteScope, JudgeEpisode judge) {
        this.siteScope = siteScope;
        this.judge = judge;
    }

    @WithSession
    public Uni<EpisodeView> of(UUID caseId) {
        return view(caseId);
    }

    /** The trajectory, read in the caller's session (and transaction, after a change). */
    Uni<EpisodeView> view(UUID caseId) {
        return EpisodeRow.<EpisodeRow>findById(caseId)
                .map(found -> siteScope.visible(found, row -> row.siteId, "episode", caseId))
                .chain(episode -> EpisodeVisitRow.of(caseId)
                        .chain(visits -> FollowUpTaskRow.<FollowUpTaskRow>list(
                                        "caseId = ?1 and status = ?2 order by dueBy", caseId, FollowUpTaskRow.OPEN)
                                .map(tasks -> view(episode, visits, tasks))));
    }

    private EpisodeView view(EpisodeRow episode, List<EpisodeVisitRow> visits, List<FollowUpTaskRow> tasks) {
        OutcomeScores baseline = episode.baseline();
        return new EpisodeView(episode.caseId, episode.siteId, episode.patientRef, episode.status,
                episode.flaggedForLead, episode.policyVersion != null ? episode.policyVersion : judge.policy().version(),
                baseline, episode.openedAt, episode.closedAt, episode.leadDecision, episode.leadDecidedBy,
                episode.leadDecidedAt,
                visits.stream().map(visit -> visit(visit, baseline)).toList(),
                tasks.stream().map(FollowUpTaskView::of).toList());
    }

    /** One visit; a follow-up visit's change and MIC are known from its review on, before the policy decides. */
    private EpisodeView.Visit visit(EpisodeVisitRow visit, OutcomeScores baseline) {
        ScoreChange change = baseline == null || visit.scores() == null ? null : judge.change(baseline, visit.scores());
        Boolean micReached = visit.visit == 1 || change == null ? visit.micReached : Boolean.valueOf(change.micReached());
        return new EpisodeView.Visit(visit.visit, visit.startedAt, visit.appointmentId, visit.scores(),
                visit.reviewedAt, change, micReached, visit.planVersion,
                visit.stepsDone == null || visit.stepsDone.isEmpty() ? List.of() : Arrays.asList(visit.stepsDone.split(",")),
                visit.sessionEnded, visit.sessionAt, visit.decision, visit.decidedAt);
    }
}
