package care.sciatica.assessment.domain.rules;

import care.sciatica.contracts.intake.History;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What the rules are evaluated over: the recorded history, the patient's age and the day of the assessment.
 * The day is explicit (never the clock) so that "recent surgery" and "new pain" are reproducible.
 */
public record CaseFacts(History history, int ageYears, LocalDate assessedOn) {

    public CaseFacts {
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(assessedOn, "assessedOn");
        if (ageYears < 0 || ageYears > 130) {
            throw new IllegalArgumentException("ageYears out of range: " + ageYears);
        }
    }
}
