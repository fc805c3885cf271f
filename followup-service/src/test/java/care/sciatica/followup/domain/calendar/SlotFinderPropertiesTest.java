package care.sciatica.followup.domain.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random calendars around both 2026 DST changes in London, with random closures and busy intervals: the chosen slot
 * is always free, inside the opening hours and the window, and it is exactly the slot a brute-force search picks.
 */
class SlotFinderPropertiesTest {

    private static final String A = Calendars.A;
    private static final String B = Calendars.B;
    private static final String C = "st_CCCCCCC3";
    private static final List<Therapist> STAFF = List.of(Therapist.everyDay(A),
            new Therapist(B, EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY)),
            new Therapist(C, EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY)));

    record Search(SiteCalendar calendar, LocalDate earliest, LocalDate latest, String preferred, List<BusyInterval> busy,
                  Instant notBefore) {
    }

    @Property
    void theChosenSlotIsFreeAndInsideTheOpeningHoursAndTheWindow(@ForAll("searches") Search search) {
        SlotChoice choice = find(search);

        if (choice instanceof SlotChoice.Found found) {
            Slot slot = found.slot();
            SiteCalendar calendar = search.calendar();
            LocalDateTime start = LocalDateTime.ofInstant(slot.start(), calendar.zone());
            LocalDateTime end = LocalDateTime.ofInstant(slot.end(), calendar.zone());
            assertThat(Duration.between(slot.start(), slot.end())).isEqualTo(calendar.slotLength());
            assertThat(search.busy()).noneMatch(busy -> busy.therapistRef().equals(slot.therapistRef())
                    && busy.start().isBefore(slot.end()) && slot.start().isBefore(busy.end()));
            assertThat(start.toLocalDate()).isBetween(search.earliest(), search.latest()).isEqualTo(end.toLocalDate());
            assertThat(calendar.closures()).doesNotContain(start.toLocalDate());
            assertThat(calendar.therapist(slot.therapistRef()).orElseThrow().workingDays()).contains(start.getDayOfWeek());
            assertThat(calendar.openingHours().get(start.getDayOfWeek())).anyMatch(period ->
                    !start.toLocalTime().isBefore(period.opens()) && !end.toLocalTime().isAfter(period.closes()));
            assertThat(slot.start()).isAfterOrEqualTo(search.notBefore());
        }
    }

    @Property
    void theChoiceIsWhatABruteForceSearchPicks(@ForAll("searches") Search search) {
        Optional<Slot> preferred = search.calendar().therapist(search.preferred())
                .flatMap(therapist -> freeSlots(search, therapist).stream().findFirst());
        Optional<Slot> other = search.calendar().therapists().stream()
                .filter(therapist -> !therapist.ref().equals(search.preferred()))
                .flatMap(therapist -> freeSlots(search, therapist).stream().limit(1))
                .min(Comparator.comparing(Slot::start));
        SlotChoice expected = preferred.<SlotChoice>map(slot -> new SlotChoice.Found(slot, true))
                .or(() -> other.map(slot -> new SlotChoice.Found(slot, false)))
                .orElse(new SlotChoice.NoSlotFound("site-test", search.earliest(), search.latest()));

        assertThat(find(search)).isEqualTo(expected);
    }

    @Provide
    Arbitrary<Search> searches() {
        Arbitrary<LocalDate> earliest = Combinators.combine(
                        Arbitraries.of(LocalDate.parse("2026-03-22"), LocalDate.parse("2026-10-18")),
                        Arbitraries.integers().between(0, 10))
                .as(LocalDate::plusDays);
        Arbitrary<Integer> windowDays = Arbitraries.integers().between(0, 5);
        Arbitrary<String> preferred = Arbitraries.of(A, B, C, "st_ZZZZZZZZ");
        Arbitrary<List<Integer>> busyStarts = Arbitraries.integers().between(0, 24 * 4 * 20).list().ofMaxSize(80);
        Arbitrary<Set<Integer>> closureDays = Arbitraries.integers().between(0, 16).set().ofMaxSize(4);
        Arbitrary<Integer> notBeforeHours = Arbitraries.integers().between(-24, 24 * 6);
        Arbitrary<Integer> slotMinutes = Arbitraries.of(20, 30, 45, 60);
        Arbitrary<Long> seed = Arbitraries.longs();
        return Combinators.combine(earliest, windowDays, preferred, busyStarts, closureDays, notBeforeHours, slotMinutes, seed)
                .as((from, days, ref, starts, closed, hours, minutes, salt) -> {
                    Instant origin = from.atStartOfDay().toInstant(ZoneOffset.UTC);
                    List<BusyInterval> busy = new ArrayList<>();
                    for (int i = 0; i < starts.size(); i++) {
                        // Quarter-hour starts in the 20 days from the window's first day, 15 min to 4 h long, any therapist.
                        String therapist = STAFF.get((int) Math.floorMod(salt + i, (long) STAFF.size())).ref();
                        Instant start = origin.plus(Duration.ofMinutes(15L * starts.get(i)));
                        long length = 15L * (1 + Math.floorMod(salt * 31 + i * 7L, 16L));
                        busy.add(new BusyInterval(therapist, start, start.plus(Duration.ofMinutes(length))));
                    }
                    Set<LocalDate> closures = closed.stream().map(from::plusDays).collect(Collectors.toSet());
                    return new Search(calendar(Duration.ofMinutes(minutes), closures), from, from.plusDays(days), ref,
                            busy, origin.plus(Duration.ofHours(hours)));
                });
    }

    /** Weekdays 08:30-12:30 and 13:15-18:00, Saturday morning, and a Sunday that also opens in the small hours. */
    private static SiteCalendar calendar(Duration slotLength, Set<LocalDate> closures) {
        Map<DayOfWeek, List<OpeningPeriod>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)) {
            hours.put(day, List.of(Calendars.period("08:30", "12:30"), Calendars.period("13:15", "18:00")));
        }
        hours.put(DayOfWeek.SATURDAY, List.of(Calendars.period("09:00", "12:00")));
        hours.put(DayOfWeek.SUNDAY, List.of(Calendars.period("00:00", "03:00"), Calendars.period("10:00", "14:00")));
        return new SiteCalendar("site-test", Calendars.LONDON, slotLength, hours, closures, STAFF);
    }

    private static SlotChoice find(Search search) {
        return SlotFinder.firstFree(search.calendar(), search.earliest(), search.latest(), search.preferred(), search.busy(),
                search.notBefore());
    }

    /** Every free slot of one therapist in the window, in time order, by plain loops over days, periods and steps. */
    private static List<Slot> freeSlots(Search search, Therapist therapist) {
        SiteCalendar calendar = search.calendar();
        List<Slot> free = new ArrayList<>();
        for (LocalDate day = search.earliest(); !day.isAfter(search.latest()); day = day.plusDays(1)) {
            if (calendar.closures().contains(day) || !therapist.workingDays().contains(day.getDayOfWeek())) {
                continue;
            }
            for (OpeningPeriod period : calendar.openingHours().getOrDefault(day.getDayOfWeek(), List.of())) {
                for (LocalTime at = period.opens(); !at.plus(calendar.slotLength()).isAfter(period.closes());
                     at = at.plus(calendar.slotLength())) {
                    ZonedDateTime zoned = ZonedDateTime.of(day, at, calendar.zone());
                    if (!zoned.toLocalTime().equals(at)) {
                        continue; // the clocks skipped this local time
                    }
                    Instant start = zoned.toInstant();
                    Instant end = start.plus(calendar.slotLength());
                    LocalDateTime localEnd = LocalDateTime.ofInstant(end, calendar.zone());
                    boolean inPeriod = localEnd.toLocalDate().equals(day) && localEnd.toLocalTime().isAfter(at)
                            && !localEnd.toLocalTime().isAfter(period.closes());
                    boolean taken = search.busy().stream().anyMatch(busy -> busy.therapistRef().equals(therapist.ref())
                            && busy.start().isBefore(end) && start.isBefore(busy.end()));
                    if (inPeriod && !taken && !start.isBefore(search.notBefore())) {
                        free.add(new Slot(therapist.ref(), start, end));
                    }
                }
            }
        }
        return free;
    }
}
