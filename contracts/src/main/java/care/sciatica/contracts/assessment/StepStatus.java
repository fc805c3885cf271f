package care.sciatica.contracts.assessment;

/** Whether a protocol step is in the plan as is, modified, or excluded. */
public enum StepStatus {
    INCLUDED, MODIFIED, EXCLUDED
}
