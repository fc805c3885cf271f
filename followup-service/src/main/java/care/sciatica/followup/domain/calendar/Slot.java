package care.sciatica.followup.domain.calendar;

import java.time.Instant;
import java.util.Objects;

/** A bookable stretch of one therapist's time: start inclusive, end exclusive. */
public record Slot(String therapistRef, Instant start, Instant end) {

    public Slot {
        Objects.requireNonNull(therapistRef, "therapistRef");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("A slot must start (" + start + ") before it ends (" + end + ")");
        }
    }

    /** Whether this slot and the busy interval share any instant of the same therapist's time. */
    public boolean overlaps(BusyInterval busy) {
        return therapistRef.equals(busy.therapistRef()) && start.isBefore(busy.end()) && busy.start().isBefore(end);
    }
}
