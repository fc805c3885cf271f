package care.sciatica.followup.domain.appointment;

import care.sciatica.contracts.followup.AppointmentSource;

import java.time.Instant;

/**
 * Whether the patient came to an appointment, as the front desk, the therapist or a booking system records it once the
 * appointment has started. Both outcomes are final and kept by the clinic only (no contract event, no webhook).
 */
public enum Attendance {
    /** The patient came. */
    ATTENDED,
    /** The patient did not come to a time they had accepted. */
    NO_SHOW;

    /** The next version of {@code appointment} with this outcome, or the domain's refusal. */
    public Appointment recordOn(Appointment appointment, AppointmentSource by, Instant now) {
        return switch (this) {
            case ATTENDED -> appointment.markAttended(by, now);
            case NO_SHOW -> appointment.markNoShow(by, now);
        };
    }
}
