package care.sciatica.followup.domain.episode;

/** What a clinical lead decides about an episode the policy asked them to review. */
public enum LeadDecision {
    /** Recovery may still come: the next visit goes ahead as booked, the flag is lifted. */
    CONTINUE,
    /** The plan changes (the lead's override in the assessment service); the flag is lifted. */
    CHANGE_PLAN,
    /** The case is referred out: the episode closes and the referral is arranged. */
    REFER
}
