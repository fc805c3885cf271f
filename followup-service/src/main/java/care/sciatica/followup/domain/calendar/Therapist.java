package care.sciatica.followup.domain.calendar;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/** A therapist of a site, known only by an opaque staff reference, and the weekdays they work there. */
public record Therapist(String ref, Set<DayOfWeek> workingDays) {

    private static final Pattern REF = Pattern.compile("^st_[A-Z0-9]{8}$");

    public Therapist {
        if (ref == null || !REF.matcher(ref).matches()) {
            throw new IllegalArgumentException("A therapist ref looks like st_XXXXXXXX (A-Z, 0-9), got " + ref);
        }
        if (workingDays == null || workingDays.isEmpty()) {
            throw new IllegalArgumentException("Therapist " + ref + " needs at least one working day");
        }
        workingDays = Set.copyOf(EnumSet.copyOf(workingDays));
    }

    /** A therapist who works whenever the site is open. */
    public static Therapist everyDay(String ref) {
        return new Therapist(ref, EnumSet.allOf(DayOfWeek.class));
    }

    public boolean worksOn(DayOfWeek day) {
        return workingDays.contains(day);
    }
}
