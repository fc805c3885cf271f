package care.sciatica.contracts.intake;

import java.time.LocalDate;

/** Previous lower-back surgery. */
public record LumbarSurgery(
        LocalDate date
) {
}
