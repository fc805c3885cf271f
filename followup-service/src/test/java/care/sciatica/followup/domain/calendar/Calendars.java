package care.sciatica.followup.domain.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Small site calendars for the slot tests: a weekday clinic with a lunch break, in London time. */
final class Calendars {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final String A = "st_AAAAAAA1";
    static final String B = "st_BBBBBBB2";
    static final OpeningPeriod MORNING = period("09:00", "12:00");
    static final OpeningPeriod AFTERNOON = period("13:00", "17:00");

    private Calendars() {
    }

    /** Monday to Friday 09:00-12:00 and 13:00-17:00, Saturday mornings, closed on Sunday; 30-minute slots. */
    static SiteCalendar weekdays(Set<LocalDate> closures) {
        Map<DayOfWeek, List<OpeningPeriod>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            hours.put(day, List.of(MORNING, AFTERNOON));
        }
        hours.put(DayOfWeek.SATURDAY, List.of(MORNING));
        hours.put(DayOfWeek.SUNDAY, List.of());
        return new SiteCalendar("site-test", LONDON, Duration.ofMinutes(30), hours, closures,
                List.of(Therapist.everyDay(A), Therapist.everyDay(B)));
    }

    /** The same periods every day of the week, for DST Sundays and night-time edge cases. */
    static SiteCalendar everyDay(List<OpeningPeriod> periods, Duration slotLength, List<Therapist> therapists) {
        Map<DayOfWeek, List<OpeningPeriod>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.put(day, periods);
        }
        return new SiteCalendar("site-test", LONDON, slotLength, hours, Set.of(), therapists);
    }

    static SiteCalendar withTherapists(SiteCalendar calendar, List<Therapist> therapists) {
        return new SiteCalendar(calendar.siteId(), calendar.zone(), calendar.slotLength(), calendar.openingHours(),
                calendar.closures(), therapists);
    }

    static OpeningPeriod period(String opens, String closes) {
        return new OpeningPeriod(LocalTime.parse(opens), LocalTime.parse(closes));
    }
}
