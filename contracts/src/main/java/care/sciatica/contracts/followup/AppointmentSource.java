package care.sciatica.contracts.followup;

/** Who caused an appointment change. */
public enum AppointmentSource {
    FOLLOWUP_POLICY, BOOKING_SYSTEM, FRONT_DESK
}
