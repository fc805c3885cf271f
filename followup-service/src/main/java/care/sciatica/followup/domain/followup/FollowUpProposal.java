package care.sciatica.followup.domain.followup;

/**
 * What to do after a completed session once the calendar has been consulted: propose a concrete visit, or hand a task
 * to a person when no slot was free, so that no follow-up is ever silently dropped.
 */
public sealed interface FollowUpProposal permits ProposedVisit, FollowUpTask {
}
