package care.sciatica.followup.domain.followup;

/** What a person has to do for a follow-up that the policy could not turn into a massage appointment. */
public enum TaskKind {
    /** Front desk or the therapist calls the patient (session ended early, consent refused or withdrawn, a no-show). */
    CALL_PATIENT,
    /** The clinical lead reviews the case before anything else is booked (adverse reaction, red flag in a session). */
    CLINICAL_LEAD_REVIEW,
    /** The clinical lead arranges the referral out, as soon as its urgency demands. */
    ARRANGE_REFERRAL,
    /** Front desk books the visit by hand because no free slot was found in the window. */
    BOOK_BY_HAND
}
