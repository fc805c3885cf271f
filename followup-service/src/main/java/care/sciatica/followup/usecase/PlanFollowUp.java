package care.sciatica.followup.usecase;

import care.sciatica.contracts.assessment.ReferralRequired;
import care.sciatica.contracts.followup.AppointmentSource;
import care.sciatica.contracts.session.SessionCompleted;
import care.sciatica.contracts.session.SessionEndedEarly;
import care.sciatica.followup.domain.appointment.Appointment;
import care.sciatica.followup.domain.appointment.AppointmentEvents;
import care.sciatica.followup.domain.calendar.BusyInterval;
import care.sciatica.followup.domain.calendar.SiteCalendar;
import care.sciatica.followup.domain.followup.ChooseFollowUp;
import care.sciatica.followup.domain.followup.FollowUpProposal;
import care.sciatica.followup.domain.followup.FollowUpTask;
import care.sciatica.followup.domain.followup.ProposedVisit;
import care.sciatica.followup.domain.followup.ScheduleFollowUp;
import care.sciatica.followup.domain.followup.TaskReason;
import care.sciatica.followup.domain.webhook.WebhookEventType;
import care.sciatica.followup.persistence.AppointmentRow;
import care.sciatica.followup.persistence.FollowUpTaskRow;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Turns a session's outcome, an early end, a referral or a missed appointment into the next step: an appointment in
 * the first free slot, or a task for a person. Runs inside the caller's transaction (the inbox's for an event, the
 * attendance command's for a no-show); a concurrent booking of the same slot fails the database's no-double-booking
 * constraint and the inbox retries with fresh calendars.
 */
@ApplicationScoped
public class PlanFollowUp {

    /** How far ahead busy time is read; the policy's windows are far shorter. */
    private static final Duration HORIZON = Duration.ofDays(120);

    /** The actor named in the audit log for appointments the policy books. */
    static final String ACTOR = "followup-service.policy";

    private final ScheduleFollowUp schedule;
    private final ChooseFollowUp choose;
    private final FollowUpSeeds.SiteCalendars calendars;
    private final AnnounceAppointment announce;
    private final FollowUpMetrics metrics;

    public PlanFollowUp(ScheduleFollowUp schedule, ChooseFollowUp choose, FollowUpSeeds.SiteCalendars calendars,
                        AnnounceAppointment announce, FollowUpMetrics metrics) {
        this.metrics = metrics;
        this.schedule = schedule;
        this.choose = choose;
        this.calendars = calendars;
        this.announce = announce;
    }

    public Uni<Void> after(SessionCompleted session) {
        return after(session, false);
    }

    /** As {@link #after(SessionCompleted)}; {@code flagForLead} flags the appointment for the clinical lead. */
    Uni<Void> after(SessionCompleted session, boolean flagForLead) {
        SiteCalendar calendar = calendars.of(session.siteId());
        Instant now = Instant.now();
        return busyAt(session.siteId(), now).chain(busy -> {
            FollowUpProposal proposal = schedule.after(session, calendar, busy, now);
            return switch (proposal) {
                case ProposedVisit visit -> book(session, visit, flagForLead, now);
                case FollowUpTask task -> openTask(session.caseId(), session.siteId(), session.patientRef(), task, now)
                        .replaceWithVoid();
            };
        });
    }

    public Uni<Void> after(SessionEndedEarly session) {
        return openTask(session.caseId(), session.siteId(), session.patientRef(), choose.after(session), Instant.now())
                .replaceWithVoid();
    }

    public Uni<Void> after(ReferralRequired referral) {
        return openTask(referral.caseId(), referral.siteId(), referral.patientRef(), choose.after(referral),
                Instant.now()).replaceWithVoid();
    }

    /**
     * A recorded no-show: a person calls the patient, due by the policy's NO_SHOW rule for the site counted from
     * {@code recordedAt}. Call it inside the transaction that stores the no-show.
     */
    Uni<FollowUpTaskRow> afterNoShow(Appointment missed, Instant recordedAt) {
        return openTask(missed.caseId(), missed.siteId(), missed.patientRef(), choose.noShow(missed.siteId(), recordedAt),
                recordedAt);
    }

    /** A task the episode of care calls for, due by the task table's rule for {@code reason}. */
    Uni<FollowUpTaskRow> episodeTask(String caseId, String siteId, String patientRef, TaskReason reason, Instant now) {
        return openTask(caseId, siteId, patientRef, choose.episodeTask(siteId, reason, now), now);
    }

    private Uni<List<BusyInterval>> busyAt(String siteId, Instant from) {
        return AppointmentRow.<AppointmentRow>list("siteId = ?1 and state <> 'CANCELLED' and endsAt > ?2 and startsAt < ?3",
                        siteId, from, from.plus(HORIZON))
                .map(rows -> rows.stream()
                        .map(row -> new BusyInterval(row.therapistRef, row.startsAt, row.endsAt))
                        .toList());
    }

    private Uni<Void> book(SessionCompleted session, ProposedVisit visit, boolean flagForLead, Instant now) {
        Appointment appointment = Appointment.propose(UUID.randomUUID(), session.caseId(), session.siteId(),
                session.patientRef(), visit.slot(), visit.window().reason(), AppointmentSource.FOLLOWUP_POLICY);
        AppointmentRow row = AppointmentRows.toRow(appointment, visit.window().flagForLead() || flagForLead, now);
        return row.persistAndFlush()
                .chain(() -> announce.announce(appointment, AppointmentEvents.scheduled(appointment, now, List.of()),
                        WebhookEventType.APPOINTMENT_SCHEDULED, ACTOR, now))
                .invoke(() -> metrics.scheduledAfterSession(session.siteId(), session.occurredAt(), now));
    }

    private Uni<FollowUpTaskRow> openTask(String caseId, String siteId, String patientRef, FollowUpTask task,
                                          Instant now) {
        FollowUpTaskRow row = new FollowUpTaskRow();
        row.id = UUID.randomUUID();
        row.caseId = UUID.fromString(caseId);
        row.siteId = siteId;
        row.patientRef = patientRef;
        row.kind = task.kind().name();
        row.reason = task.reason().name();
        row.dueBy = task.dueBy();
        row.windowEarliest = task.window() == null ? null : task.window().earliest();
        row.windowLatest = task.window() == null ? null : task.window().latest();
        row.flaggedForLead = task.window() != null && task.window().flagForLead();
        row.status = FollowUpTaskRow.OPEN;
        row.createdAt = now;
        return row.persist().replaceWith(row);
    }
}
