package care.sciatica.followup.usecase;

import care.sciatica.contracts.followup.AppointmentSource;
import care.sciatica.contracts.followup.CancelReason;
import care.sciatica.followup.domain.appointment.Appointment;
import care.sciatica.followup.domain.appointment.AppointmentEvents;
import care.sciatica.followup.domain.appointment.AppointmentRuleViolation;
import care.sciatica.followup.domain.appointment.AppointmentState;
import care.sciatica.followup.domain.appointment.Attendance;
import care.sciatica.followup.domain.calendar.SiteCalendar;
import care.sciatica.followup.domain.calendar.Slot;
import care.sciatica.followup.domain.webhook.WebhookEventType;
import care.sciatica.followup.persistence.AppointmentRow;
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
import java.util.function.Function;

/**
 * Confirms, reschedules or cancels a stored appointment for a booking system or the front desk: the domain applies or
 * refuses the change, then the new version, its event, audit entry and webhook deliveries commit together. A move into
 * a therapist's taken time is refused by the database's exclusion constraint and answered as a conflict. Each change
 * locks the appointment's row first, so two changes at once take turns and the second is decided on the first's result.
 * <p>
 * Recording whether the patient came ({@link #recordAttendance}) follows the same pattern without an appointment event
 * or a webhook: ATTENDED and NO_SHOW are kept by the clinic only (see {@link AppointmentState}). A no-show also opens
 * a CALL_PATIENT task in the same transaction; an attendance starts the episode's next visit (visit-started).
 */
@ApplicationScoped
public class ChangeAppointment {

    private final SiteScope siteScope;
    private final IdempotentRequests idempotentRequests;
    private final AnnounceAppointment announce;
    private final FollowUpSeeds.SiteCalendars calendars;
    private final AuditLog auditLog;
    private final PlanFollowUp plan;
    private final FollowEpisode episodes;
    private final FollowUpMetrics metrics;

    public ChangeAppointment(SiteScope siteScope, IdempotentRequests idempotentRequests, AnnounceAppointment announce,
                             FollowUpSeeds.SiteCalendars calendars, AuditLog auditLog, PlanFollowUp plan,
                             FollowEpisode episodes, FollowUpMetrics metrics) {
        this.siteScope = siteScope;
        this.idempotentRequests = idempotentRequests;
        this.announce = announce;
        this.calendars = calendars;
        this.auditLog = auditLog;
        this.plan = plan;
        this.episodes = episodes;
        this.metrics = metrics;
    }

    /** What a change produced: the new version, for the caller's answer. */
    public record Changed(Appointment appointment, boolean flaggedForLead) {
    }

    @WithTransaction
    public Uni<Changed> confirm(UUID id, AppointmentSource by, String key) {
        return confirm(id, null, by, key);
    }

    /** Confirms version {@code expectedSequence} of the appointment (any version when null), else a 412. */
    @WithTransaction
    public Uni<Changed> confirm(UUID id, Integer expectedSequence, AppointmentSource by, String key) {
        return change(id, expectedSequence, "confirm", key, null, WebhookEventType.APPOINTMENT_CONFIRMED,
                appointment -> appointment.confirm(by));
    }

    @WithTransaction
    public Uni<Changed> cancel(UUID id, CancelReason why, AppointmentSource by, String key, Object request) {
        return cancel(id, null, why, by, key, request);
    }

    @WithTransaction
    public Uni<Changed> cancel(UUID id, Integer expectedSequence, CancelReason why, AppointmentSource by, String key,
                               Object request) {
        return change(id, expectedSequence, "cancel", key, request, WebhookEventType.APPOINTMENT_CANCELLED,
                appointment -> appointment.cancel(why, by));
    }

    /** Moves to {@code start} with {@code therapistRef} (the current therapist when null) for one slot of the site. */
    @WithTransaction
    public Uni<Changed> reschedule(UUID id, String therapistRef, Instant start, AppointmentSource by, String key,
                                   Object request) {
        return reschedule(id, null, therapistRef, start, by, key, request);
    }

    @WithTransaction
    public Uni<Changed> reschedule(UUID id, Integer expectedSequence, String therapistRef, Instant start,
                                   AppointmentSource by, String key, Object request) {
        return change(id, expectedSequence, "reschedule", key, request, WebhookEventType.APPOINTMENT_RESCHEDULED,
                appointment -> {
                    SiteCalendar calendar = calendars.of(appointment.siteId());
                    String therapist = therapistRef == null ? appointment.therapistRef() : therapistRef;
                    Slot to = new Slot(therapist, start, start.plus(calendar.slotLength()));
                    if (calendar.therapist(therapist).isEmpty()) {
                        throw ProblemException.invalid("therapistRef", therapist + " does not work at " + appointment.siteId());
                    }
                    if (!calendar.isBookable(to)) {
                        throw AppointmentProblems.notBookable(appointment.siteId(), "outside the opening hours, on a closure day "
                                + "or on a day the therapist does not work");
                    }
                    return appointment.reschedule(to, by, Instant.now());
                });
    }

    /**
     * Records that the patient came or did not come, once the appointment has started (a no-show only for a time the
     * patient had accepted). The new version and its audit entry commit together; a no-show also opens a CALL_PATIENT
     * task due by the site's policy, counted from now, and an attendance starts the episode's next visit. Counted in
     * {@code sciatica_appointments_total} after commit.
     */
    @WithTransaction
    public Uni<Changed> recordAttendance(UUID id, Attendance outcome, AppointmentSource by, String key, Object request) {
        String scope = "appointment:" + id + ":attendance:" + siteScope.caller();
        return idempotentRequests.once(scope, key, request, Changed.class,
                () -> lockedForChange(id).chain(row -> attend(row, outcome, by)));
    }

    private Uni<Changed> attend(AppointmentRow row, Attendance outcome, AppointmentSource by) {
        Instant now = Instant.now();
        Appointment next = decide(row, appointment -> outcome.recordOn(appointment, by, now));
        AppointmentRows.update(row, next);
        return row.persistAndFlush()
                .chain(() -> next.state() == AppointmentState.NO_SHOW
                        ? plan.afterNoShow(next, now).map(task -> " task=" + task.kind + " taskId=" + task.id)
                        : episodes.attended(next, now).replaceWith(""))
                .chain(task -> auditLog.record(siteScope.caller(),
                        "appointment." + outcome.name().toLowerCase().replace('_', '-'), next.siteId(),
                        UUID.fromString(next.caseId()), next.id().toString(),
                        "state=" + next.state() + " sequence=" + next.sequence() + " source=" + by + task))
                .invoke(() -> metrics.attendance(next))
                .replaceWith(new Changed(next, row.flaggedForLead));
    }

    private Uni<Changed> change(UUID id, Integer expectedSequence, String operation, String key, Object request,
                                WebhookEventType type, Function<Appointment, Appointment> command) {
        String scope = "appointment:" + id + ":" + operation + ":" + siteScope.caller();
        return idempotentRequests.once(scope, key, request, Changed.class,
                () -> lockedForChange(id)
                        .invoke(row -> requireVersion(row, expectedSequence))
                        .chain(row -> apply(row, type, command)));
    }

    /**
     * A caller that names the version it decided on (FHIR's If-Match) changes only that version: checked under the
     * row lock, so a change in between is always noticed.
     */
    private static void requireVersion(AppointmentRow row, Integer expectedSequence) {
        if (expectedSequence != null && expectedSequence != row.sequence) {
            throw new ProblemException(412, "appointment/version-mismatch", "The appointment has changed",
                    "Version " + expectedSequence + " was named, the appointment is at version " + row.sequence,
                    List.of());
        }
    }

    /**
     * The stored appointment, its row locked until the transaction ends, so two people changing it at once take turns
     * and the second decides on what the first stored; another site's appointment is not found.
     */
    private Uni<AppointmentRow> lockedForChange(UUID id) {
        return AppointmentRow.<AppointmentRow>findById(id, LockModeType.PESSIMISTIC_WRITE)
                .map(found -> siteScope.visible(found, row -> row.siteId, "appointment", id));
    }

    /** The domain's next version of the stored appointment, or its refusal as a problem answer. */
    private static Appointment decide(AppointmentRow row, Function<Appointment, Appointment> command) {
        try {
            return command.apply(AppointmentRows.toDomain(row));
        } catch (AppointmentRuleViolation violation) {
            throw AppointmentProblems.of(violation);
        }
    }

    private Uni<Changed> apply(AppointmentRow row, WebhookEventType type, Function<Appointment, Appointment> command) {
        Appointment next = decide(row, command);
        Instant now = Instant.now();
        AppointmentRows.update(row, next);
        return row.persistAndFlush()
                .onFailure(AppointmentProblems::isDoubleBooking)
                .transform(failure -> AppointmentProblems.slotTaken(next.therapistRef(), next.start()))
                .chain(() -> announce.announce(next, event(type, next, now), type, siteScope.caller(), now))
                .replaceWith(new Changed(next, row.flaggedForLead));
    }

    private static Record event(WebhookEventType type, Appointment appointment, Instant at) {
        return switch (type) {
            case APPOINTMENT_CONFIRMED -> AppointmentEvents.confirmed(appointment, at);
            case APPOINTMENT_RESCHEDULED -> AppointmentEvents.rescheduled(appointment, at);
            case APPOINTMENT_CANCELLED -> AppointmentEvents.cancelled(appointment, at);
            case APPOINTMENT_SCHEDULED -> throw new IllegalArgumentException("A new appointment is not a change");
        };
    }
}
