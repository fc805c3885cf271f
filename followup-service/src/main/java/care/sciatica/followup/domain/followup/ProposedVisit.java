package care.sciatica.followup.domain.followup;

import care.sciatica.followup.domain.calendar.Slot;
import java.util.Objects;

/** A free slot for the next visit, the window and reason it was chosen for, and whether it keeps the same therapist. */
public record ProposedVisit(Slot slot, AppointmentWindow window, boolean sameTherapist) implements FollowUpProposal {

    public ProposedVisit {
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(window, "window");
    }
}
