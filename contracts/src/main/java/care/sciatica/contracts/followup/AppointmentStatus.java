package care.sciatica.contracts.followup;

/** The state of a follow-up appointment. */
public enum AppointmentStatus {
    PROPOSED, CONFIRMED, RESCHEDULED, CANCELLED
}
