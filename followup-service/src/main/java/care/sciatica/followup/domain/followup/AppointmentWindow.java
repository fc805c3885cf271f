package care.sciatica.followup.domain.followup;

import care.sciatica.contracts.followup.ScheduleReason;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The site-local days (both inclusive) in which the next visit should fall, why, and whether the clinical lead must
 * look at the case because the pain got worse.
 */
public record AppointmentWindow(LocalDate earliest, LocalDate latest, ScheduleReason reason, boolean flagForLead)
        implements FollowUpDecision {

    public AppointmentWindow {
        Objects.requireNonNull(earliest, "earliest");
        Objects.requireNonNull(latest, "latest");
        Objects.requireNonNull(reason, "reason");
        if (latest.isBefore(earliest)) {
            throw new IllegalArgumentException("A window cannot end (" + latest + ") before it starts (" + earliest + ")");
        }
    }
}
