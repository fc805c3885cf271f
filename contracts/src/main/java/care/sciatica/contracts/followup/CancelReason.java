package care.sciatica.contracts.followup;

/** Why an appointment was cancelled. */
public enum CancelReason {
    PATIENT_REQUEST, CLINIC_REQUEST, REFERRED_OUT, NO_LONGER_NEEDED
}
