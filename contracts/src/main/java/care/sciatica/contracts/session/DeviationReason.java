package care.sciatica.contracts.session;

/** Why a step was modified or skipped. */
public enum DeviationReason {
    PATIENT_DISCOMFORT, TIME, CONTRAINDICATION_FOUND, PATIENT_PREFERENCE, CLINICAL_LEAD_OVERRIDE, OTHER_CLINICAL
}
