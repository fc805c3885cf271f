package care.sciatica.followup.domain.followup;

import care.sciatica.contracts.assessment.Urgency;
import care.sciatica.contracts.session.EndReason;

/**
 * Why a follow-up task exists; the keys of the policy's task table. A session that ended early is keyed by its end
 * reason (a red flag found mid-session is more pressing than a refused consent), a referral by its urgency, a missed
 * appointment by {@link #NO_SHOW}.
 */
public enum TaskReason {
    CONSENT_REFUSED,
    CONSENT_WITHDRAWN,
    ADVERSE_REACTION,
    RED_FLAG_FOUND,
    PATIENT_UNWELL,
    OTHER_CLINICAL,
    REFERRAL_EMERGENCY,
    REFERRAL_URGENT,
    REFERRAL_SOON,
    NO_SLOT_FOUND,
    /** The patient did not come to a confirmed appointment. */
    NO_SHOW,
    /** A follow-up review scored worse than the baseline: the episode policy asks a clinical lead. */
    WORSE_THAN_BASELINE,
    /** No minimal important change by the episode policy's visit. */
    NOT_IMPROVING,
    /** The episode reached the site's visit cap; nothing more is booked until a lead decides. */
    VISIT_CAP_REACHED;

    /** The task reason for a session that ended with this reason. */
    public static TaskReason of(EndReason reason) {
        return valueOf(reason.name());
    }

    /** The task reason for a referral of this urgency. */
    public static TaskReason of(Urgency urgency) {
        return valueOf("REFERRAL_" + urgency.name());
    }
}
