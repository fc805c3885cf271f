package care.sciatica.contracts.assessment;

/** Whether the patient can be treated now; referral is a separate event. */
public enum SuitabilityDecision {
    TREAT, TREAT_WITH_MODIFICATIONS
}
