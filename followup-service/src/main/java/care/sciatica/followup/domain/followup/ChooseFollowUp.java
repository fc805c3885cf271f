package care.sciatica.followup.domain.followup;

import care.sciatica.contracts.assessment.ReferralRequired;
import care.sciatica.contracts.followup.ScheduleReason;
import care.sciatica.contracts.session.SessionCompleted;
import care.sciatica.contracts.session.SessionEndedEarly;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Applies the scheduling policy to what happened in a case: a completed session gets a window for the next visit chosen
 * by its pain change against the minimal important change; a session that ended early, a referral and a missed
 * appointment get a task.
 */
public final class ChooseFollowUp {

    private final SchedulingPolicy policy;

    public ChooseFollowUp(SchedulingPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** Dispatches one of the three input events; {@code siteZone} is the time zone of the event's site. */
    public FollowUpDecision decide(Record event, ZoneId siteZone) {
        return switch (event) {
            case SessionCompleted completed -> after(completed, siteZone);
            case SessionEndedEarly endedEarly -> after(endedEarly);
            case ReferralRequired referral -> after(referral);
            default -> throw new IllegalArgumentException("No follow-up rule for " + event.getClass().getSimpleName());
        };
    }

    /** The window for the next visit, counted in days from the session's completion date at its site. */
    public AppointmentWindow after(SessionCompleted session, ZoneId siteZone) {
        SiteRules rules = policy.rulesFor(session.siteId());
        ScheduleReason reason = reasonFor(session.painChange(), session.painAfter(), rules);
        VisitInterval interval = rules.interval(reason);
        LocalDate sessionDay = session.completedAt().atZone(siteZone).toLocalDate();
        return new AppointmentWindow(sessionDay.plusDays(interval.earliestDays()), sessionDay.plusDays(interval.latestDays()),
                reason, reason == ScheduleReason.SOONER_WORSE_FLAGGED);
    }

    /** A session that ended early, was refused or withdrawn: a person follows up, keyed by why it ended. */
    public FollowUpTask after(SessionEndedEarly session) {
        return task(session.siteId(), TaskReason.of(session.reason()), session.endedAt());
    }

    /** A referral out: the clinical lead arranges it within the time its urgency allows. */
    public FollowUpTask after(ReferralRequired referral) {
        return task(referral.siteId(), TaskReason.of(referral.urgency()), referral.occurredAt());
    }

    /** The window had no free slot: front desk books by hand, so the follow-up is never silently dropped. */
    public FollowUpTask noSlotFound(String siteId, AppointmentWindow window, Instant searchedAt) {
        TaskRule rule = policy.rulesFor(siteId).task(TaskReason.NO_SLOT_FOUND);
        return new FollowUpTask(rule.kind(), TaskReason.NO_SLOT_FOUND, searchedAt.plus(rule.dueWithin()), window);
    }

    /**
     * The patient missed a confirmed appointment: a person calls them, due counted from when the no-show was recorded
     * (the moment the clinic knows), not from the missed start.
     */
    public FollowUpTask noShow(String siteId, Instant recordedAt) {
        return task(siteId, TaskReason.NO_SHOW, recordedAt);
    }

    /**
     * A task the episode of care calls for (a clinical lead's review, a referral the lead decided), due by the task
     * table's rule for {@code reason}.
     */
    public FollowUpTask episodeTask(String siteId, TaskReason reason, Instant decidedAt) {
        return task(siteId, reason, decidedAt);
    }

    /**
     * Worse pain (a positive change) is flagged; a drop of at least the minimal important change, or ending at or below
     * the recovered level, is routine; anything in between comes back sooner.
     */
    static ScheduleReason reasonFor(int painChange, int painAfter, SiteRules rules) {
        if (painChange > 0) {
            return ScheduleReason.SOONER_WORSE_FLAGGED;
        }
        if (-painChange >= rules.minimalImportantChange() || painAfter <= rules.recoveredAtOrBelow()) {
            return ScheduleReason.ROUTINE_INTERVAL;
        }
        return ScheduleReason.SOONER_LITTLE_CHANGE;
    }

    private FollowUpTask task(String siteId, TaskReason reason, Instant from) {
        TaskRule rule = policy.rulesFor(siteId).task(reason);
        return new FollowUpTask(rule.kind(), reason, from.plus(rule.dueWithin()), null);
    }
}
