package care.sciatica.followup.domain.calendar;

import java.time.LocalDate;

/** The result of a slot search: a free slot, or an explicit statement that the window had none. */
public sealed interface SlotChoice {

    /** A free slot; {@code preferredTherapist} tells whether it is with the therapist the caller asked for. */
    record Found(Slot slot, boolean preferredTherapist) implements SlotChoice {
    }

    /** No therapist of the site had a free slot between these site-local days (inclusive). */
    record NoSlotFound(String siteId, LocalDate earliest, LocalDate latest) implements SlotChoice {
    }
}
