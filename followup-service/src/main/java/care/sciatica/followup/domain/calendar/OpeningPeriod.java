package care.sciatica.followup.domain.calendar;

import java.time.LocalTime;
import java.util.Objects;

/** One stretch of a day, in the site's local time, when the site is open, e.g. 09:00 to 13:00. */
public record OpeningPeriod(LocalTime opens, LocalTime closes) {

    public OpeningPeriod {
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("A site must open (" + opens + ") before it closes (" + closes + ")");
        }
    }

    /** Whether the local times from {@code start} to {@code end} lie inside this period. */
    public boolean covers(LocalTime start, LocalTime end) {
        return !start.isBefore(opens) && !end.isAfter(closes) && start.isBefore(end);
    }
}
