package care.sciatica.followup.domain.followup;

import care.sciatica.contracts.session.SessionCompleted;
import care.sciatica.followup.domain.calendar.BusyInterval;
import care.sciatica.followup.domain.calendar.SiteCalendar;
import care.sciatica.followup.domain.calendar.SlotChoice;
import care.sciatica.followup.domain.calendar.SlotFinder;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;

/**
 * The follow-up after a completed session, start to end: the policy picks the window, the site's calendar the first
 * free slot with the same therapist if possible, and a full calendar becomes a "book by hand" task.
 */
public final class ScheduleFollowUp {

    private final ChooseFollowUp choose;

    public ScheduleFollowUp(ChooseFollowUp choose) {
        this.choose = Objects.requireNonNull(choose, "choose");
    }

    /**
     * @param calendar the calendar of the session's site
     * @param busy     the busy intervals of the site's therapists over (at least) the window
     * @param now      when the search runs; no slot starts before it
     */
    public FollowUpProposal after(SessionCompleted session, SiteCalendar calendar, Collection<BusyInterval> busy, Instant now) {
        if (!calendar.siteId().equals(session.siteId())) {
            throw new IllegalArgumentException("Session at " + session.siteId() + " searched in the calendar of " + calendar.siteId());
        }
        AppointmentWindow window = choose.after(session, calendar.zone());
        SlotChoice choice = SlotFinder.firstFree(calendar, window.earliest(), window.latest(), session.therapistRef(), busy, now);
        return switch (choice) {
            case SlotChoice.Found found -> new ProposedVisit(found.slot(), window, found.preferredTherapist());
            case SlotChoice.NoSlotFound none -> choose.noSlotFound(session.siteId(), window, now);
        };
    }
}
