package care.sciatica.followup.domain.calendar;

import static care.sciatica.followup.domain.calendar.Calendars.A;
import static care.sciatica.followup.domain.calendar.Calendars.B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SlotFinderTest {

    private static final LocalDate MONDAY = LocalDate.parse("2026-03-09");
    private static final LocalDate FRIDAY = LocalDate.parse("2026-03-13");
    private static final Instant LONG_AGO = Instant.parse("2026-01-01T00:00:00Z");
    private static final SiteCalendar WEEKDAYS = Calendars.weekdays(Set.of());

    static Stream<Arguments> choices() {
        return Stream.of(
                choice("the preferred therapist's first slot", WEEKDAYS, MONDAY, FRIDAY, A, List.of(), LONG_AGO,
                        found(A, "2026-03-09T09:00:00Z", true)),
                choice("another therapist when the preferred one is booked all window", WEEKDAYS, MONDAY, FRIDAY, A,
                        List.of(busy(A, "2026-03-09T00:00:00Z", "2026-03-14T00:00:00Z")), LONG_AGO,
                        found(B, "2026-03-09T09:00:00Z", false)),
                choice("the same therapist a day later rather than another therapist today", WEEKDAYS, MONDAY, FRIDAY, A,
                        List.of(busy(A, "2026-03-09T00:00:00Z", "2026-03-10T00:00:00Z")), LONG_AGO,
                        found(A, "2026-03-10T09:00:00Z", true)),
                choice("the earliest of the others when the preferred one does not work here", WEEKDAYS, MONDAY, FRIDAY,
                        "st_ZZZZZZZZ", List.of(busy(A, "2026-03-09T09:00:00Z", "2026-03-09T10:00:00Z")), LONG_AGO,
                        found(B, "2026-03-09T09:00:00Z", false)),
                choice("the next open day after a closure", Calendars.weekdays(Set.of(MONDAY)), MONDAY, FRIDAY, A, List.of(),
                        LONG_AGO, found(A, "2026-03-10T09:00:00Z", true)),
                choice("Monday when the window starts on a Sunday", WEEKDAYS, LocalDate.parse("2026-03-08"), FRIDAY, A, List.of(),
                        LONG_AGO, found(A, "2026-03-09T09:00:00Z", true)),
                choice("after the lunch break, never in it", WEEKDAYS, MONDAY, FRIDAY, A, List.of(),
                        Instant.parse("2026-03-09T11:40:00Z"), found(A, "2026-03-09T13:00:00Z", true)),
                choice("the next morning after closing time", WEEKDAYS, MONDAY, FRIDAY, A, List.of(),
                        Instant.parse("2026-03-09T16:31:00Z"), found(A, "2026-03-10T09:00:00Z", true)),
                choice("past a busy interval that ends inside a slot", WEEKDAYS, MONDAY, FRIDAY, A,
                        List.of(busy(A, "2026-03-09T09:00:00Z", "2026-03-09T10:15:00Z")), LONG_AGO,
                        found(A, "2026-03-09T10:30:00Z", true)),
                choice("right at the end of a busy interval (intervals are half-open)", WEEKDAYS, MONDAY, FRIDAY, A,
                        List.of(busy(A, "2026-03-09T08:00:00Z", "2026-03-09T09:30:00Z")), LONG_AGO,
                        found(A, "2026-03-09T09:30:00Z", true)),
                choice("another therapist's busy time does not block", WEEKDAYS, MONDAY, FRIDAY, A,
                        List.of(busy(B, "2026-03-09T00:00:00Z", "2026-03-14T00:00:00Z")), LONG_AGO,
                        found(A, "2026-03-09T09:00:00Z", true)),
                choice("Saturday morning, the only day of a weekend window", WEEKDAYS, LocalDate.parse("2026-03-14"),
                        LocalDate.parse("2026-03-15"), A, List.of(), LONG_AGO, found(A, "2026-03-14T09:00:00Z", true)),
                choice("09:00 BST on the day the clocks go forward (08:00 UTC)",
                        Calendars.everyDay(List.of(Calendars.MORNING), Duration.ofMinutes(30), List.of(Therapist.everyDay(A))),
                        LocalDate.parse("2026-03-29"), LocalDate.parse("2026-03-29"), A, List.of(), LONG_AGO,
                        found(A, "2026-03-29T08:00:00Z", true)),
                choice("09:00 GMT on the day the clocks go back (09:00 UTC)",
                        Calendars.everyDay(List.of(Calendars.MORNING), Duration.ofMinutes(30), List.of(Therapist.everyDay(A))),
                        LocalDate.parse("2026-10-25"), LocalDate.parse("2026-10-25"), A, List.of(), LONG_AGO,
                        found(A, "2026-10-25T09:00:00Z", true)),
                choice("no slot in the hour the spring change skips",
                        Calendars.everyDay(List.of(Calendars.period("00:00", "04:00")), Duration.ofMinutes(30),
                                List.of(Therapist.everyDay(A))),
                        LocalDate.parse("2026-03-29"), LocalDate.parse("2026-03-29"), A,
                        List.of(busy(A, "2026-03-29T00:00:00Z", "2026-03-29T01:00:00Z")), LONG_AGO,
                        found(A, "2026-03-29T01:00:00Z", true)),
                choice("a therapist only on the days they work", Calendars.withTherapists(WEEKDAYS,
                                List.of(Therapist.everyDay(A), new Therapist(B, EnumSet.of(DayOfWeek.THURSDAY)))),
                        MONDAY, FRIDAY, B, List.of(), LONG_AGO, found(B, "2026-03-12T09:00:00Z", true)));
    }

    @ParameterizedTest(name = "finds {0}")
    @MethodSource("choices")
    void findsTheFirstFreeSlot(String what, SiteCalendar calendar, LocalDate earliest, LocalDate latest, String preferred,
                               List<BusyInterval> busy, Instant notBefore, SlotChoice expected) {
        assertThat(SlotFinder.firstFree(calendar, earliest, latest, preferred, busy, notBefore)).isEqualTo(expected);
    }

    @Test
    void aFullCalendarSaysThatNoSlotWasFound() {
        List<BusyInterval> busy = List.of(busy(A, "2026-03-09T00:00:00Z", "2026-03-14T00:00:00Z"),
                busy(B, "2026-03-09T09:00:00Z", "2026-03-13T17:00:00Z"));

        assertThat(SlotFinder.firstFree(WEEKDAYS, MONDAY, FRIDAY, A, busy, LONG_AGO))
                .isEqualTo(new SlotChoice.NoSlotFound("site-test", MONDAY, FRIDAY));
    }

    @Test
    void aWindowOfClosuresAndWeekendsHasNoSlot() {
        SiteCalendar closedMonday = Calendars.weekdays(Set.of(LocalDate.parse("2026-03-16")));

        assertThat(SlotFinder.firstFree(closedMonday, LocalDate.parse("2026-03-15"), LocalDate.parse("2026-03-16"), A, List.of(),
                LONG_AGO)).isInstanceOf(SlotChoice.NoSlotFound.class);
    }

    @Test
    void aWindowThatEndsBeforeItStartsIsRefused() {
        assertThatThrownBy(() -> SlotFinder.firstFree(WEEKDAYS, FRIDAY, MONDAY, A, List.of(), LONG_AGO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Arguments choice(String what, SiteCalendar calendar, LocalDate earliest, LocalDate latest, String preferred,
                                    List<BusyInterval> busy, Instant notBefore, SlotChoice expected) {
        return Arguments.of(what, calendar, earliest, latest, preferred, busy, notBefore, expected);
    }

    private static SlotChoice found(String therapist, String start, boolean preferred) {
        Instant at = Instant.parse(start);
        return new SlotChoice.Found(new Slot(therapist, at, at.plus(Duration.ofMinutes(30))), preferred);
    }

    private static BusyInterval busy(String therapist, String start, String end) {
        return new BusyInterval(therapist, Instant.parse(start), Instant.parse(end));
    }
}
