package care.sciatica.followup.usecase;

import care.sciatica.contracts.EventJson;
import care.sciatica.contracts.assessment.ReferralRequired;
import care.sciatica.contracts.common.OutcomeScores;
import care.sciatica.contracts.followup.EpisodeDischarged;
import care.sciatica.contracts.followup.VisitStarted;
import care.sciatica.contracts.intake.BaselineOutcomes;
import care.sciatica.contracts.intake.VisitReviewed;
import care.sciatica.contracts.session.SessionCompleted;
import care.sciatica.contracts.session.SessionEndedEarly;
import care.sciatica.followup.domain.appointment.Appointment;
import care.sciatica.followup.domain.episode.EpisodeDecision;
import care.sciatica.followup.domain.episode.JudgeEpisode;
import care.sciatica.followup.domain.episode.VisitScores;
import care.sciatica.followup.persistence.EpisodeRow;
import care.sciatica.followup.persistence.EpisodeVisitRow;
import care.sciatica.followup.persistence.FollowUpTaskRow;
import care.sciatica.platform.audit.AuditLog;
import care.sciatica.platform.outbox.Outbox;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The episode of care, visit by visit: it opens with the intake's baseline (visit 1), a follow-up appointment attended
 * starts the next visit (visit-started), the visit's review brings its scores, and once the visit's session has ended
 * the episode policy decides — discharge (episode-discharged, nothing booked), a clinical lead's review, or the next
 * visit booked as usual. Each step runs in the transaction of the event or request that caused it, under the episode's
 * row lock, so the review and the session of one visit, which arrive on different topics, are decided exactly once
 * whichever comes last.
 */
@ApplicationScoped
public class FollowEpisode {

    private static final Logger LOG = Logger.getLogger(FollowEpisode.class);
    private static final String OPEN = """
            INSERT INTO episode (case_id, site_id, patient_ref, status, flagged_for_lead, opened_at)
            VALUES (?1, ?2, ?3, 'OPEN', false, ?4) ON CONFLICT (case_id) DO NOTHING""";

    private final JudgeEpisode judge;
    private final PlanFollowUp planFollowUp;
    private final Outbox outbox;
    private final AuditLog auditLog;
    private final FollowUpMetrics metrics;

    public FollowEpisode(JudgeEpisode judge, PlanFollowUp planFollowUp, Outbox outbox, AuditLog auditLog,
                         FollowUpMetrics metrics) {
        this.judge = judge;
        this.planFollowUp = planFollowUp;
        this.outbox = outbox;
        this.auditLog = auditLog;
        this.metrics = metrics;
    }

    /**
     * History recorded or amended: the episode's baseline is the intake's (an amendment may correct it), and they are
     * the first visit's scores.
     */
    public Uni<Void> baseline(String caseId, String siteId, String patientRef, Instant at, BaselineOutcomes scores) {
        UUID id = UUID.fromString(caseId);
        return locked(id, siteId, patientRef, at).chain(episode -> {
            episode.baselineNrs = scores.painNrs();
            episode.baselineOdi = scores.odi();
            episode.baselineRmdq = scores.rmdq();
            return EpisodeVisitRow.of(id);
        }).chain(visits -> {
            // A case followed before the episode existed may have later visits but no first one: it stays so.
            EpisodeVisitRow first = visits.isEmpty() ? EpisodeVisitRow.start(id, 1, null, at)
                    : visits.getFirst().visit == 1 ? visits.getFirst() : null;
            if (first == null) {
                return flush();
            }
            first.painNrs = scores.painNrs();
            first.odi = scores.odi();
            first.rmdq = scores.rmdq();
            first.reviewedAt = at;
            return first.persist().chain(FollowEpisode::flush);
        });
    }

    /**
     * The patient came to a follow-up appointment: the episode's next visit starts, unless the episode is closed or a
     * visit is still open (an episode never has two). Call it inside the transaction that records the attendance.
     */
    Uni<Void> attended(Appointment appointment, Instant at) {
        UUID caseId = UUID.fromString(appointment.caseId());
        return locked(caseId, appointment.siteId(), appointment.patientRef(), at)
                .chain(episode -> EpisodeVisitRow.of(caseId).chain(visits -> {
                    if (!episode.isOpen() || visits.stream().anyMatch(EpisodeVisitRow::isOpen)) {
                        LOG.infof("Attendance at %s starts no visit: episode %s%s", appointment.id(), episode.status,
                                episode.isOpen() ? " has an open visit" : "");
                        return Uni.createFrom().voidItem();
                    }
                    int next = visits.isEmpty() ? 2 : visits.getLast().visit + 1;
                    EpisodeVisitRow visit = EpisodeVisitRow.start(caseId, next, appointment.id(), at);
                    return visit.persist()
                            .chain(() -> outbox.append(appointment.caseId(), appointment.siteId(),
                                    new VisitStarted(appointment.caseId(), appointment.siteId(),
                                            appointment.patientRef(), at, appointment.id().toString(), next)))
                            .replaceWithVoid();
                }));
    }

    /** A follow-up visit's review: its scores, and the decision if the visit's session has already ended. */
    public Uni<Void> reviewed(VisitReviewed review) {
        UUID caseId = UUID.fromString(review.caseId());
        OutcomeScores scores = review.review().scores();
        return locked(caseId, review.siteId(), review.patientRef(), review.occurredAt())
                .chain(episode -> visit(caseId, review.visit(), review.occurredAt()).chain(visit -> {
                    visit.painNrs = scores.painNrs();
                    visit.odi = scores.odi();
                    visit.rmdq = scores.rmdq();
                    visit.reviewedAt = review.occurredAt();
                    return EpisodeVisitRow.COMPLETED.equals(visit.sessionEnded) && visit.decision == null
                            ? decide(episode, visit, read(visit.sessionEvent)) : flush();
                }));
    }

    /**
     * A visit's session completed: the first visit books its follow-up as before the episode existed; a follow-up
     * visit is decided by the episode policy once its review is known.
     */
    public Uni<Void> after(SessionCompleted session) {
        UUID caseId = UUID.fromString(session.caseId());
        int number = session.visit() == null ? 1 : session.visit();
        return locked(caseId, session.siteId(), session.patientRef(), session.occurredAt())
                .chain(episode -> visit(caseId, number, session.occurredAt()).chain(visit -> {
                    visit.planVersion = session.planVersion();
                    visit.stepsDone = session.stepsPerformed().stream().map(Enum::name).collect(Collectors.joining(","));
                    visit.sessionEnded = EpisodeVisitRow.COMPLETED;
                    visit.sessionAt = session.completedAt();
                    if (number == 1 || episode.baseline() == null) {
                        visit.decision = "SCHEDULE";
                        visit.decidedAt = session.occurredAt();
                        return flush().chain(() -> planFollowUp.after(session));
                    }
                    if (!episode.isOpen()) {
                        visit.decision = "EPISODE_" + episode.status;
                        visit.decidedAt = session.occurredAt();
                        return flush();
                    }
                    if (visit.scores() == null) {
                        // The review is still to come: it decides the visit with this session.
                        visit.sessionEvent = new String(EventJson.toBytes(session), StandardCharsets.UTF_8);
                        return flush();
                    }
                    return decide(episode, visit, session);
                }));
    }

    /** A session ended early closes its visit; a person follows up as the scheduling policy says. */
    public Uni<Void> after(SessionEndedEarly session) {
        UUID caseId = UUID.fromString(session.caseId());
        int number = session.visit() == null ? 1 : session.visit();
        return locked(caseId, session.siteId(), session.patientRef(), session.occurredAt())
                .chain(episode -> visit(caseId, number, session.occurredAt()))
                .chain(visit -> {
                    visit.sessionEnded = EpisodeVisitRow.ENDED_EARLY;
                    visit.sessionAt = session.endedAt();
                    visit.planVersion = session.planVersion();
                    return flush();
                })
                .chain(() -> planFollowUp.after(session));
    }

    /** A referral out closes the episode (and its open visit); the clinical lead arranges the referral. */
    public Uni<Void> after(ReferralRequired referral) {
        UUID caseId = UUID.fromString(referral.caseId());
        return locked(caseId, referral.siteId(), referral.patientRef(), referral.occurredAt())
                .chain(episode -> EpisodeVisitRow.of(caseId).chain(visits -> {
                    visits.stream().filter(EpisodeVisitRow::isOpen).forEach(open -> {
                        open.sessionEnded = EpisodeVisitRow.REFERRED;
                        open.decision = "REFERRED";
                        open.decidedAt = referral.occurredAt();
                    });
                    if (episode.isOpen()) {
                        episode.status = EpisodeRow.REFERRED;
                        episode.closedAt = referral.occurredAt();
                    }
                    return flush();
                }))
                .chain(() -> planFollowUp.after(referral));
    }

    private Uni<Void> decide(EpisodeRow episode, EpisodeVisitRow visit, SessionCompleted session) {
        return EpisodeVisitRow.of(episode.caseId).chain(visits -> {
            List<VisitScores> reviews = visits.stream()
                    .filter(row -> row.visit >= 2 && row.visit <= visit.visit && row.scores() != null)
                    .map(row -> new VisitScores(row.visit, row.scores()))
                    .toList();
            OutcomeScores baseline = episode.baseline();
            EpisodeDecision decision = judge.afterVisit(episode.siteId, baseline, reviews);
            Instant now = Instant.now();
            visit.micReached = judge.change(baseline, visit.scores()).micReached();
            visit.decision = switch (decision) {
                case EpisodeDecision.Discharge discharge -> "DISCHARGE";
                case EpisodeDecision.LeadReview review -> "LEAD_REVIEW_" + review.task();
                case EpisodeDecision.Continue moving -> "CONTINUE";
            };
            visit.decidedAt = now;
            visit.sessionEvent = null;
            String detail = "visit=" + visit.visit + " decision=" + visit.decision + " policy="
                    + judge.policy().version() + " rules=" + decision.reasons().stream()
                    .map(reason -> reason.ruleId()).collect(Collectors.joining(","));
            Uni<Void> outcome = switch (decision) {
                case EpisodeDecision.Discharge discharge -> discharge(episode, visit, discharge, now);
                case EpisodeDecision.LeadReview review -> leadReview(episode, review, now)
                        .chain(() -> review.bookNext() ? planFollowUp.after(session, true) : Uni.createFrom().voidItem());
                case EpisodeDecision.Continue moving -> planFollowUp.after(session);
            };
            return flush()
                    .chain(() -> auditLog.record(PlanFollowUp.ACTOR, "episode.decided", episode.siteId, episode.caseId,
                            visit.id.toString(), detail))
                    .chain(() -> outcome)
                    .invoke(() -> metrics.episodeDecided(episode.siteId, visit.decision));
        });
    }

    private Uni<Void> discharge(EpisodeRow episode, EpisodeVisitRow visit, EpisodeDecision.Discharge discharge,
                                Instant now) {
        episode.status = EpisodeRow.DISCHARGED;
        episode.closedAt = now;
        episode.policyVersion = judge.policy().version();
        return outbox.append(episode.caseId.toString(), episode.siteId, new EpisodeDischarged(
                        episode.caseId.toString(), episode.siteId, episode.patientRef, now, visit.visit,
                        judge.policy().version(), discharge.reasons(), episode.baseline(), visit.scores()))
                .replaceWithVoid();
    }

    /** Flags the case and opens the lead's task, unless the same review is already waiting for the lead. */
    private Uni<Void> leadReview(EpisodeRow episode, EpisodeDecision.LeadReview review, Instant now) {
        episode.flaggedForLead = true;
        return FollowUpTaskRow.count("caseId = ?1 and reason = ?2 and status = ?3", episode.caseId,
                        review.task().name(), FollowUpTaskRow.OPEN)
                .chain(waiting -> waiting > 0 ? Uni.createFrom().voidItem()
                        : planFollowUp.episodeTask(episode.caseId.toString(), episode.siteId, episode.patientRef,
                                review.task(), now).replaceWithVoid());
    }

    /** The case's episode, opened if this is the first the service hears of it, locked until the transaction ends. */
    private static Uni<EpisodeRow> locked(UUID caseId, String siteId, String patientRef, Instant at) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(OPEN)
                        .setParameter(1, caseId)
                        .setParameter(2, siteId)
                        .setParameter(3, patientRef)
                        .setParameter(4, at)
                        .executeUpdate())
                .chain(() -> EpisodeRow.<EpisodeRow>findById(caseId, LockModeType.PESSIMISTIC_WRITE));
    }

    /** The episode's visit {@code number}, started now if no earlier event started it. */
    private static Uni<EpisodeVisitRow> visit(UUID caseId, int number, Instant at) {
        return EpisodeVisitRow.<EpisodeVisitRow>find("caseId = ?1 and visit = ?2", caseId, number).firstResult()
                .chain(found -> found != null ? Uni.createFrom().item(found)
                        : EpisodeVisitRow.start(caseId, number, null, at).<EpisodeVisitRow>persist());
    }

    private static Uni<Void> flush() {
        return Panache.getSession().chain(session -> session.flush());
    }

    private static SessionCompleted read(String json) {
        try {
            return EventJson.mapper().readValue(json, SessionCompleted.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
