package care.sciatica.followup.domain.appointment;

import care.sciatica.contracts.followup.AppointmentStatus;

/**
 * Where an appointment stands. PROPOSED, CONFIRMED and RESCHEDULED are still bookable; CANCELLED, ATTENDED and
 * NO_SHOW are final. The last two are kept by the clinic only and have no event status of their own.
 */
public enum AppointmentState {
    PROPOSED, CONFIRMED, RESCHEDULED, CANCELLED, ATTENDED, NO_SHOW;

    /** Whether the appointment still holds its slot and can change. */
    public boolean isBookable() {
        return this == PROPOSED || this == CONFIRMED || this == RESCHEDULED;
    }

    /** The status an appointment event reports for this state. */
    public AppointmentStatus toStatus() {
        return switch (this) {
            case PROPOSED -> AppointmentStatus.PROPOSED;
            case CONFIRMED -> AppointmentStatus.CONFIRMED;
            case RESCHEDULED -> AppointmentStatus.RESCHEDULED;
            case CANCELLED -> AppointmentStatus.CANCELLED;
            case ATTENDED, NO_SHOW -> throw new IllegalStateException(this + " has no appointment event status");
        };
    }
}
