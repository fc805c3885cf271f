package care.sciatica.contracts.intake;

import java.time.LocalDate;

/** How and when the pain began. */
public record Onset(
        OnsetMechanism mechanism,
        LocalDate beganOn,
        OnsetPattern pattern
) {
}
