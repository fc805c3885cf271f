package care.sciatica.followup.domain.calendar;

import static care.sciatica.followup.domain.calendar.Calendars.A;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreeSlotsTest {

    private static final LocalDate MONDAY = LocalDate.parse("2026-03-09");
    private static final Instant LONG_AGO = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aDayOffersEverySlotOfBothPeriodsExceptTheBusyOnes() {
        List<Slot> free = SlotFinder.freeSlots(Calendars.weekdays(Set.of()), A, MONDAY, MONDAY,
                List.of(new BusyInterval(A, Instant.parse("2026-03-09T09:30:00Z"), Instant.parse("2026-03-09T10:30:00Z"))),
                LONG_AGO);

        // 6 morning and 8 afternoon half hours, less the two that are busy.
        assertThat(free).hasSize(12);
        assertThat(free.getFirst().start()).isEqualTo(Instant.parse("2026-03-09T09:00:00Z"));
        assertThat(free.get(1).start()).isEqualTo(Instant.parse("2026-03-09T10:30:00Z"));
        assertThat(free.getLast().end()).isEqualTo(Instant.parse("2026-03-09T17:00:00Z"));
    }

    @Test
    void closuresUnknownTherapistsAndThePastOfferNothing() {
        assertThat(SlotFinder.freeSlots(Calendars.weekdays(Set.of(MONDAY)), A, MONDAY, MONDAY, List.of(), LONG_AGO))
                .isEmpty();
        assertThat(SlotFinder.freeSlots(Calendars.weekdays(Set.of()), "st_ZZZZZZZZ", MONDAY, MONDAY, List.of(), LONG_AGO))
                .isEmpty();
        assertThat(SlotFinder.freeSlots(Calendars.weekdays(Set.of()), A, MONDAY, MONDAY, List.of(),
                Instant.parse("2026-03-09T16:00:00Z"))).extracting(Slot::start)
                .containsExactly(Instant.parse("2026-03-09T16:00:00Z"), Instant.parse("2026-03-09T16:30:00Z"));
    }
}
