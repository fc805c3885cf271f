package care.sciatica.followup.domain.followup;

/**
 * What the policy decided after a session or a referral: a window for the next massage appointment, or a task for a
 * person when an appointment is not the right next step.
 */
public sealed interface FollowUpDecision permits AppointmentWindow, FollowUpTask {
}
