package care.sciatica.intake.domain;

import care.sciatica.contracts.intake.History;
import care.sciatica.contracts.intake.Surgery;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The dates an intake records must already have happened: none in the future, none before the patient was born, and
 * a birth date that gives a believable age. The schema can only say that a date is well-formed; this says it is true.
 */
public final class ClinicalDates {

    /** The oldest age the events accept; an older one is a typing error in the year. */
    public static final int OLDEST_AGE = 120;

    private ClinicalDates() {
    }

    /** One date refused: the field, named as the caller wrote it, and why. */
    public record Refusal(String field, String reason) {
    }

    /** A birth date must be today or earlier and give an age of at most {@link #OLDEST_AGE}. */
    public static List<Refusal> ofBirth(String field, LocalDate birthDate, LocalDate today) {
        if (birthDate == null) {
            return List.of();
        }
        if (birthDate.isAfter(today)) {
            return List.of(future(field, birthDate));
        }
        if (Ages.on(today, birthDate) > OLDEST_AGE) {
            return List.of(new Refusal(field, "gives an age over " + OLDEST_AGE + " years; check the year"));
        }
        return List.of();
    }

    /**
     * When the pain began and when each operation took place: today or earlier, and not before the birth date when it
     * is known (an erased patient's is not). Fields are named inside the history, e.g. {@code onset.beganOn}.
     */
    public static List<Refusal> ofHistory(History history, LocalDate birthDate, LocalDate today) {
        List<Refusal> refusals = new ArrayList<>();
        check("onset.beganOn", history.onset().beganOn(), birthDate, today, refusals);
        Surgery surgery = history.surgery();
        if (surgery.lumbarSpine() != null) {
            check("surgery.lumbarSpine.date", surgery.lumbarSpine().date(), birthDate, today, refusals);
        }
        if (surgery.hipReplacement() != null) {
            check("surgery.hipReplacement.date", surgery.hipReplacement().date(), birthDate, today, refusals);
        }
        if (surgery.kneeReplacement() != null) {
            check("surgery.kneeReplacement.date", surgery.kneeReplacement().date(), birthDate, today, refusals);
        }
        return refusals;
    }

    private static void check(String field, LocalDate date, LocalDate birthDate, LocalDate today,
                              List<Refusal> refusals) {
        if (date == null) {
            return;
        }
        if (date.isAfter(today)) {
            refusals.add(future(field, date));
        } else if (birthDate != null && date.isBefore(birthDate)) {
            refusals.add(new Refusal(field, "is before the patient's birth date"));
        }
    }

    private static Refusal future(String field, LocalDate date) {
        return new Refusal(field, date + " is in the future; record the date it happened (today or earlier)");
    }
}
