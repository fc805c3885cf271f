package care.sciatica.intake.domain;

import java.time.LocalDate;
import java.time.Period;

/** The patient's age in whole years: events carry it (red-flag age rules) instead of the birth date. */
public final class Ages {

    private Ages() {
    }

    public static int on(LocalDate day, LocalDate birthDate) {
        return Period.between(birthDate, day).getYears();
    }
}
