package care.sciatica.followup.domain.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SiteCalendarTest {

    @Test
    void aSlotIsBookableOnlyInsideOneOpeningPeriodOfAWorkingDay() {
        SiteCalendar calendar = Calendars.withTherapists(Calendars.weekdays(Set.of(LocalDate.parse("2026-03-10"))),
                List.of(Therapist.everyDay(Calendars.A)));

        assertThat(calendar.isBookable(slot("2026-03-09T11:30:00Z", "2026-03-09T12:00:00Z"))).isTrue();
        assertThat(calendar.isBookable(slot("2026-03-09T11:45:00Z", "2026-03-09T12:15:00Z"))).as("runs into lunch").isFalse();
        assertThat(calendar.isBookable(slot("2026-03-09T08:45:00Z", "2026-03-09T09:15:00Z"))).as("before opening").isFalse();
        assertThat(calendar.isBookable(slot("2026-03-10T09:00:00Z", "2026-03-10T09:30:00Z"))).as("closure").isFalse();
        assertThat(calendar.isBookable(slot("2026-03-15T09:00:00Z", "2026-03-15T09:30:00Z"))).as("Sunday").isFalse();
        assertThat(calendar.isBookable(new Slot(Calendars.B, Instant.parse("2026-03-09T09:00:00Z"),
                Instant.parse("2026-03-09T09:30:00Z")))).as("not a therapist of the site").isFalse();
    }

    private static Slot slot(String start, String end) {
        return new Slot(Calendars.A, Instant.parse(start), Instant.parse(end));
    }

    @Test
    void aCalendarRefusesATherapistListedTwiceAndSlotsOfOddLength() {
        SiteCalendar calendar = Calendars.weekdays(Set.of());

        assertThatThrownBy(() -> Calendars.withTherapists(calendar, List.of(Therapist.everyDay(Calendars.A), Therapist.everyDay(Calendars.A))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("listed twice");
        assertThatThrownBy(() -> new SiteCalendar("site-test", Calendars.LONDON, Duration.ofSeconds(90), calendar.openingHours(),
                Set.of(), calendar.therapists()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("whole minutes");
    }
}
