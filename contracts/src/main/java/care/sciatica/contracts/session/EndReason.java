package care.sciatica.contracts.session;

/** Why a session ended before completion. */
public enum EndReason {
    CONSENT_REFUSED, CONSENT_WITHDRAWN, ADVERSE_REACTION, RED_FLAG_FOUND, PATIENT_UNWELL, OTHER_CLINICAL
}
