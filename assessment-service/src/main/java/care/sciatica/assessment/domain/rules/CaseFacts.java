package care.sciatica.assessment.domain.rules;

import care.sciatica.contracts.intake.History;
import care.sciatica.contracts.intake.NeurologicalChange;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What the rules are evaluated over: the recorded history, the patient's age, the day of the assessment and, at a
 * follow-up visit, how the neurological signs changed since the previous visit (null at intake).
 * The day is explicit (never the clock) so that "recent surgery" and "new pain" are reproducible.
 */
public record CaseFacts(History history, int ageYears, LocalDate assessedOn, NeurologicalChange neurologicalChange) {

    public CaseFacts {
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(assessedOn, "assessedOn");
        if (ageYears < 0 || ageYears > 130) {
            throw new IllegalArgumentException("ageYears out of range: " + ageYears);
        }
    }

    /** The facts of an intake or an amendment of it: no review, so no change in the neurological signs to judge. */
    public CaseFacts(History history, int ageYears, LocalDate assessedOn) {
        this(history, ageYears, assessedOn, null);
    }
}
