package care.sciatica.followup.domain.followup;

import java.time.Instant;
import java.util.Objects;

/**
 * Work for a person instead of an automatic appointment: what to do, why, and by when. A "no slot found" task also
 * carries the window (and lead flag) the visit should have had; for every other task {@code window} is null.
 */
public record FollowUpTask(TaskKind kind, TaskReason reason, Instant dueBy, AppointmentWindow window)
        implements FollowUpDecision, FollowUpProposal {

    public FollowUpTask {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(dueBy, "dueBy");
        if ((reason == TaskReason.NO_SLOT_FOUND) != (window != null)) {
            throw new IllegalArgumentException("Only a NO_SLOT_FOUND task carries the window to book in");
        }
    }
}
