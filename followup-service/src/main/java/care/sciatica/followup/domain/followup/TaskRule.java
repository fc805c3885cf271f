package care.sciatica.followup.domain.followup;

import java.time.Duration;
import java.util.Objects;

/** Which kind of task a trigger creates and how soon it is due after the triggering event. */
public record TaskRule(TaskKind kind, Duration dueWithin) {

    public TaskRule {
        Objects.requireNonNull(kind, "kind");
        if (dueWithin == null || dueWithin.isNegative() || dueWithin.isZero()) {
            throw new IllegalArgumentException("A task must be due within a positive duration, got " + dueWithin);
        }
    }
}
