package care.sciatica.followup.usecase;

import care.sciatica.contracts.followup.AppointmentSource;
import care.sciatica.contracts.followup.CancelReason;
import care.sciatica.followup.domain.appointment.Appointment;
import care.sciatica.followup.domain.appointment.AppointmentEvents;
import care.sciatica.followup.domain.appointment.AppointmentRuleViolation;
import care.sciatica.followup.domain.calendar.SiteCalendar;
import care.sciatica.followup.domain.calendar.Slot;
import care.sciatica.followup.domain.webhook.WebhookEventType;
import care.sciatica.followup.persistence.AppointmentRow;
import care.sciatica.platform.idempotency.IdempotentRequests;
import care.sciatica.platform.problem.ProblemException;
import care.sciatica.platform.security.SiteScope;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

/**
 * Confirms, reschedules or cancels a stored appointment for a booking system or the front desk: the domain applies or
 * refuses the change, then the new version, its event, audit entry and webhook deliveries commit together. A move into
 * a therapist's taken time is refused by the database's exclusion constraint and answered as a conflict.
 */
@ApplicationScoped
public class ChangeAppointment {

    private final SiteScope siteScope;
    private final IdempotentRequests idempotentRequests;
    private final AnnounceAppointment announce;
    private final FollowUpSeeds.SiteCalendars calendars;

    public ChangeAppointment(SiteScope siteScope, IdempotentRequests idempotentRequests, AnnounceAppointment announce,
                             FollowUpSeeds.SiteCalendars calendars) {
        this.siteScope = siteScope;
        this.idempotentRequests = idempotentRequests;
        this.announce = announce;
        this.calendars = calendars;
    }

    /** What a change produced: the new version, for the caller's answer. */
    public record Changed(Appointment appointment, boolean flaggedForLead) {
    }

    @WithTransaction
    public Uni<Changed> confirm(UUID id, AppointmentSource by, String key) {
        return change(id, "confirm", key, null, WebhookEventType.APPOINTMENT_CONFIRMED,
                appointment -> appointment.confirm(by));
    }

    @WithTransaction
    public Uni<Changed> cancel(UUID id, CancelReason why, AppointmentSource by, String key, Object request) {
        return change(id, "cancel", key, request, WebhookEventType.APPOINTMENT_CANCELLED,
                appointment -> appointment.cancel(why, by));
    }

    /** Moves to {@code start} with {@code therapistRef} (the current therapist when null) for one slot of the site. */
    @WithTransaction
    public Uni<Changed> reschedule(UUID id, String therapistRef, Instant start, AppointmentSource by, String key,
                                   Object request) {
        return change(id, "reschedule", key, request, WebhookEventType.APPOINTMENT_RESCHEDULED, appointment -> {
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

    private Uni<Changed> change(UUID id, String operation, String key, Object request, WebhookEventType type,
                                Function<Appointment, Appointment> command) {
        String scope = "appointment:" + id + ":" + operation + ":" + siteScope.caller();
        return idempotentRequests.once(scope, key, request, Changed.class, () -> AppointmentRow.<AppointmentRow>findById(id)
                .map(found -> siteScope.visible(found, row -> row.siteId, "appointment", id))
                .chain(row -> apply(row, type, command)));
    }

    private Uni<Changed> apply(AppointmentRow row, WebhookEventType type, Function<Appointment, Appointment> command) {
        Appointment next;
        try {
            next = command.apply(AppointmentRows.toDomain(row));
        } catch (AppointmentRuleViolation violation) {
            throw AppointmentProblems.of(violation);
        }
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
