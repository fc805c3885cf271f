package care.sciatica.assessment.domain.rules;

/** What a step rule does to the steps it names. */
public enum StepEffect {
    /** The step is left out of the plan. */
    EXCLUDE,
    /** The step stays, within tighter limits or away from an area. */
    MODIFY,
    /** The step stays as is, with a caution for the practitioner. */
    CAUTION
}
