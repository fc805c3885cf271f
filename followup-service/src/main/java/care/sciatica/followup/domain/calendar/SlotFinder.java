package care.sciatica.followup.domain.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the first free slot for a follow-up at one site: with the preferred therapist if they have any free slot in the
 * window (continuity of care beats a day earlier), else the earliest free slot of any other therapist of the site.
 */
public final class SlotFinder {

    /** Longest window searched, so that a bad window cannot make the search run for years. */
    static final int MAX_WINDOW_DAYS = 366;

    private SlotFinder() {
    }

    /**
     * Searches the site-local days {@code earliest..latest} (inclusive), never before {@code notBefore}, skipping closures,
     * days the therapist does not work, local times outside the opening hours or missing on a DST change, and any slot
     * that overlaps the therapist's busy intervals.
     */
    public static SlotChoice firstFree(SiteCalendar calendar, LocalDate earliest, LocalDate latest, String preferredTherapistRef,
                                       Collection<BusyInterval> busy, Instant notBefore) {
        if (latest.isBefore(earliest) || earliest.plusDays(MAX_WINDOW_DAYS).isBefore(latest)) {
            throw new IllegalArgumentException("Cannot search a window from " + earliest + " to " + latest);
        }
        Optional<Therapist> preferred = calendar.therapist(preferredTherapistRef);
        if (preferred.isPresent()) {
            Optional<Slot> slot = firstFreeOf(calendar, preferred.get(), earliest, latest, busy, notBefore);
            if (slot.isPresent()) {
                return new SlotChoice.Found(slot.get(), true);
            }
        }
        return calendar.therapists().stream()
                .filter(therapist -> !therapist.ref().equals(preferredTherapistRef))
                .flatMap(therapist -> firstFreeOf(calendar, therapist, earliest, latest, busy, notBefore).stream())
                .min(Comparator.comparing(Slot::start))
                .<SlotChoice>map(slot -> new SlotChoice.Found(slot, false))
                .orElseGet(() -> new SlotChoice.NoSlotFound(calendar.siteId(), earliest, latest));
    }

    /**
     * Every free slot of one therapist on the site-local days {@code from..to} (inclusive), in time order, none before
     * {@code notBefore}: what a booking system may offer. Empty for a therapist who does not work at the site.
     */
    public static List<Slot> freeSlots(SiteCalendar calendar, String therapistRef, LocalDate from, LocalDate to,
                                       Collection<BusyInterval> busy, Instant notBefore) {
        if (to.isBefore(from) || from.plusDays(MAX_WINDOW_DAYS).isBefore(to)) {
            throw new IllegalArgumentException("Cannot list slots from " + from + " to " + to);
        }
        Optional<Therapist> therapist = calendar.therapist(therapistRef);
        if (therapist.isEmpty()) {
            return List.of();
        }
        List<BusyInterval> own = busy.stream().filter(interval -> interval.therapistRef().equals(therapistRef)).toList();
        return from.datesUntil(to.plusDays(1))
                .filter(day -> !calendar.isClosedOn(day) && therapist.get().worksOn(day.getDayOfWeek()))
                .flatMap(day -> candidates(calendar, therapistRef, day))
                .filter(slot -> !slot.start().isBefore(notBefore) && isFree(slot, own))
                .toList();
    }

    /** Whether none of the therapist's busy intervals overlaps the slot. */
    public static boolean isFree(Slot slot, Collection<BusyInterval> busy) {
        return busy.stream().noneMatch(slot::overlaps);
    }

    private static Optional<Slot> firstFreeOf(SiteCalendar calendar, Therapist therapist, LocalDate earliest, LocalDate latest,
                                              Collection<BusyInterval> busy, Instant notBefore) {
        List<BusyInterval> own = busy.stream().filter(interval -> interval.therapistRef().equals(therapist.ref())).toList();
        return earliest.datesUntil(latest.plusDays(1))
                .filter(day -> !calendar.isClosedOn(day) && therapist.worksOn(day.getDayOfWeek()))
                .flatMap(day -> candidates(calendar, therapist.ref(), day))
                .filter(slot -> !slot.start().isBefore(notBefore) && isFree(slot, own))
                .findFirst();
    }

    /** The slots of one therapist on one day, in time order: stepped by the slot length from each period's opening. */
    private static Stream<Slot> candidates(SiteCalendar calendar, String therapistRef, LocalDate day) {
        Duration length = calendar.slotLength();
        long step = length.toSeconds();
        return calendar.periodsOn(day.getDayOfWeek()).stream().flatMap(period -> Stream
                .iterate((long) period.opens().toSecondOfDay(),
                        start -> start + step <= period.closes().toSecondOfDay(),
                        start -> start + step)
                .map(start -> LocalDateTime.of(day, LocalTime.ofSecondOfDay(start)))
                // A local time skipped by the clocks going forward does not exist; do not invent a slot there.
                .filter(local -> !calendar.zone().getRules().getValidOffsets(local).isEmpty())
                .map(local -> {
                    Instant start = local.atZone(calendar.zone()).toInstant();
                    return new Slot(therapistRef, start, start.plus(length));
                })
                // Around a DST change a slot's real end can land outside the period; the calendar has the last word.
                .filter(calendar::isBookable));
    }
}
