package care.sciatica.followup.domain.calendar;

import java.time.Instant;
import java.util.Objects;

/** Time a therapist is already taken (an existing appointment or a blocked period): start inclusive, end exclusive. */
public record BusyInterval(String therapistRef, Instant start, Instant end) {

    public BusyInterval {
        Objects.requireNonNull(therapistRef, "therapistRef");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("A busy interval must start (" + start + ") before it ends (" + end + ")");
        }
    }
}
