package care.sciatica.followup.domain.appointment;

import care.sciatica.contracts.followup.AppointmentSource;
import care.sciatica.contracts.followup.CancelReason;
import care.sciatica.contracts.followup.ScheduleReason;
import care.sciatica.followup.domain.appointment.AppointmentRuleViolation.Code;
import care.sciatica.followup.domain.calendar.Slot;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A follow-up appointment and its life: PROPOSED, then CONFIRMED or RESCHEDULED while bookable, and finally CANCELLED,
 * ATTENDED or NO_SHOW. Immutable: each change returns the next version with the iCalendar {@code sequence} bumped, and
 * a change the state does not allow is refused with an {@link AppointmentRuleViolation}.
 *
 * @param id            stable id, also the iCalendar UID
 * @param changedBy     who caused the latest version (the creator for sequence 0)
 * @param previousStart where a rescheduled appointment was before its latest move; null until it moves
 * @param cancelReason  why it was cancelled; null unless CANCELLED
 */
public record Appointment(UUID id, String caseId, String siteId, String patientRef, String therapistRef, Instant start,
                          Instant end, AppointmentState state, int sequence, ScheduleReason reason,
                          AppointmentSource changedBy, Instant previousStart, Instant previousEnd, CancelReason cancelReason) {

    public Appointment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(patientRef, "patientRef");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(changedBy, "changedBy");
        new Slot(therapistRef, start, end);
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative");
        }
        if ((state == AppointmentState.CANCELLED) != (cancelReason != null)) {
            throw new IllegalArgumentException("A cancel reason belongs to a cancelled appointment only");
        }
        if ((previousStart == null) != (previousEnd == null)) {
            throw new IllegalArgumentException("previousStart and previousEnd come together");
        }
    }

    /** A new appointment in a slot, as the follow-up policy (or a person) proposes it: PROPOSED, sequence 0. */
    public static Appointment propose(UUID id, String caseId, String siteId, String patientRef, Slot slot, ScheduleReason reason,
                                      AppointmentSource source) {
        return new Appointment(id, caseId, siteId, patientRef, slot.therapistRef(), slot.start(), slot.end(),
                AppointmentState.PROPOSED, 0, reason, source, null, null, null);
    }

    public Slot slot() {
        return new Slot(therapistRef, start, end);
    }

    /** The patient, or a booking system for them, accepts the time. A rescheduled appointment can be confirmed again. */
    public Appointment confirm(AppointmentSource by) {
        requireBookable();
        if (state == AppointmentState.CONFIRMED) {
            throw refused(Code.ALREADY_CONFIRMED, "the appointment is already confirmed");
        }
        return next(AppointmentState.CONFIRMED, by, therapistRef, start, end, previousStart, previousEnd, null);
    }

    /** Moves to another slot (possibly another therapist); the old time is kept as the previous start and end. */
    public Appointment reschedule(Slot to, AppointmentSource by, Instant now) {
        requireBookable();
        if (to.equals(slot())) {
            throw refused(Code.SAME_TIME, "the appointment already is with " + therapistRef + " at " + start);
        }
        if (to.start().isBefore(now)) {
            throw refused(Code.IN_THE_PAST, "the new time " + to.start() + " has already begun");
        }
        return next(AppointmentState.RESCHEDULED, by, to.therapistRef(), to.start(), to.end(), start, end, null);
    }

    public Appointment cancel(CancelReason why, AppointmentSource by) {
        requireBookable();
        return next(AppointmentState.CANCELLED, by, therapistRef, start, end, previousStart, previousEnd,
                Objects.requireNonNull(why, "why"));
    }

    /** The patient came. Allowed once the appointment has started, even if it was never confirmed. */
    public Appointment markAttended(AppointmentSource by, Instant now) {
        requireBookable();
        requireStarted(now);
        return next(AppointmentState.ATTENDED, by, therapistRef, start, end, previousStart, previousEnd, null);
    }

    /** The patient did not come to a time they had confirmed (or that was moved for them). */
    public Appointment markNoShow(AppointmentSource by, Instant now) {
        requireBookable();
        if (state == AppointmentState.PROPOSED) {
            throw refused(Code.NOT_CONFIRMED, "a proposed time the patient never accepted cannot be missed");
        }
        requireStarted(now);
        return next(AppointmentState.NO_SHOW, by, therapistRef, start, end, previousStart, previousEnd, null);
    }

    private void requireBookable() {
        if (!state.isBookable()) {
            throw refused(Code.FINAL_STATE, "a " + state.name().toLowerCase().replace('_', '-') + " appointment cannot change");
        }
    }

    private void requireStarted(Instant now) {
        if (now.isBefore(start)) {
            throw refused(Code.NOT_STARTED, "the appointment starts at " + start);
        }
    }

    private AppointmentRuleViolation refused(Code code, String why) {
        return new AppointmentRuleViolation(code, state, why);
    }

    private Appointment next(AppointmentState to, AppointmentSource by, String nextTherapist, Instant nextStart, Instant nextEnd,
                             Instant prevStart, Instant prevEnd, CancelReason why) {
        return new Appointment(id, caseId, siteId, patientRef, nextTherapist, nextStart, nextEnd, to, sequence + 1, reason,
                Objects.requireNonNull(by, "by"), prevStart, prevEnd, why);
    }
}
