package care.sciatica.followup.domain.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A site's bookable time: its time zone, weekly opening hours in local time, closure days, the length of one slot and
 * its therapists. All day and time arithmetic for slots happens in {@link #zone()}.
 */
public record SiteCalendar(String siteId, ZoneId zone, Duration slotLength, Map<DayOfWeek, List<OpeningPeriod>> openingHours,
                           Set<LocalDate> closures, List<Therapist> therapists) {

    private static final Pattern SITE_ID = Pattern.compile("^site-[a-z0-9]+(-[a-z0-9]+)*$");

    public SiteCalendar {
        if (siteId == null || !SITE_ID.matcher(siteId).matches()) {
            throw new IllegalArgumentException("A site id looks like site-north, got " + siteId);
        }
        if (zone == null) {
            throw new IllegalArgumentException("Site " + siteId + " needs a time zone");
        }
        if (slotLength == null || slotLength.isNegative() || slotLength.isZero() || slotLength.toSecondsPart() != 0
                || slotLength.compareTo(Duration.ofHours(12)) > 0) {
            throw new IllegalArgumentException("A slot lasts whole minutes, at most 12 hours, got " + slotLength);
        }
        Map<DayOfWeek, List<OpeningPeriod>> hours = new EnumMap<>(DayOfWeek.class);
        openingHours.forEach((day, periods) -> hours.put(day, sortedWithoutOverlap(day, periods)));
        openingHours = Map.copyOf(hours);
        closures = Set.copyOf(closures);
        Set<String> refs = new HashSet<>();
        therapists.forEach(therapist -> {
            if (!refs.add(therapist.ref())) {
                throw new IllegalArgumentException("Therapist " + therapist.ref() + " is listed twice at " + siteId);
            }
        });
        therapists = List.copyOf(therapists);
    }

    /** The opening periods of a weekday in time order; empty when the site is closed that weekday. */
    public List<OpeningPeriod> periodsOn(DayOfWeek day) {
        return openingHours.getOrDefault(day, List.of());
    }

    public boolean isClosedOn(LocalDate day) {
        return closures.contains(day);
    }

    public Optional<Therapist> therapist(String ref) {
        return therapists.stream().filter(therapist -> therapist.ref().equals(ref)).findFirst();
    }

    /**
     * Whether a slot could be booked at this site, ignoring other appointments: its therapist works here that day, the
     * day is not a closure, and start and end fall, in local time, inside one opening period of that day.
     */
    public boolean isBookable(Slot slot) {
        LocalDateTime start = LocalDateTime.ofInstant(slot.start(), zone);
        LocalDateTime end = LocalDateTime.ofInstant(slot.end(), zone);
        LocalDate day = start.toLocalDate();
        return end.toLocalDate().equals(day)
                && !isClosedOn(day)
                && therapist(slot.therapistRef()).filter(therapist -> therapist.worksOn(day.getDayOfWeek())).isPresent()
                && periodsOn(day.getDayOfWeek()).stream().anyMatch(period -> period.covers(start.toLocalTime(), end.toLocalTime()));
    }

    private static List<OpeningPeriod> sortedWithoutOverlap(DayOfWeek day, List<OpeningPeriod> periods) {
        List<OpeningPeriod> sorted = periods.stream().sorted(Comparator.comparing(OpeningPeriod::opens)).toList();
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).opens().isBefore(sorted.get(i - 1).closes())) {
                throw new IllegalArgumentException("Opening periods overlap on " + day + ": " + sorted);
            }
        }
        return sorted;
    }
}
