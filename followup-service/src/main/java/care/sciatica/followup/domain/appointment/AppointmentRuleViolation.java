package care.sciatica.followup.domain.appointment;

/** An appointment change that is not allowed in the appointment's current state, refused with a code and a reason. */
public final class AppointmentRuleViolation extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a change was refused; stable codes for problem details and booking-system answers. */
    public enum Code {
        /** The appointment is cancelled, attended or a no-show: nothing about it changes any more. */
        FINAL_STATE,
        /** Confirming an appointment that already is confirmed. */
        ALREADY_CONFIRMED,
        /** A no-show can only be recorded for an appointment the patient had confirmed. */
        NOT_CONFIRMED,
        /** Attendance or a no-show recorded before the appointment has started. */
        NOT_STARTED,
        /** A reschedule to exactly the same therapist and time. */
        SAME_TIME,
        /** A reschedule to a time that has already begun. */
        IN_THE_PAST
    }

    private final Code code;
    private final AppointmentState state;
    private final String reason;

    public AppointmentRuleViolation(Code code, AppointmentState state, String reason) {
        super(code + " in state " + state + ": " + reason);
        this.code = code;
        this.state = state;
        this.reason = reason;
    }

    public Code code() {
        return code;
    }

    public AppointmentState state() {
        return state;
    }

    public String reason() {
        return reason;
    }
}
