package care.sciatica.console.pages;

import io.quarkus.qute.TemplateExtension;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the pages say the services' codes and times: {@code LIFT_AND_TWIST} as "lift and twist", times in the clinic's zone. */
@TemplateExtension
public final class Words {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.UK)
            .withZone(FrontDeskPages.CLINIC_ZONE);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.UK)
            .withZone(FrontDeskPages.CLINIC_ZONE);

    private Words() {
    }

    /** A code in plain words, first letter capitalised. */
    static String words(Object code) {
        if (code == null) {
            return "";
        }
        String text = code.toString().replace('_', ' ').toLowerCase(Locale.UK);
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Why a follow-up task exists, as the clinic says it; a reason without its own sentence reads as its code. */
    static String reasonWords(Object reason) {
        return switch (String.valueOf(reason)) {
            case "WORSE_THAN_BASELINE" -> "Scores worse than at the first visit";
            case "NOT_IMPROVING" -> "No important improvement by now";
            case "VISIT_CAP_REACHED" ->
                    "The visit limit of the site is reached; nothing more is booked until a lead decides";
            case "NO_SHOW" -> "Did not come to the appointment";
            default -> words(reason);
        };
    }

    /** What the episode policy decided after a visit, in plain words (an open visit has no decision yet). */
    static String decisionWords(Object decision) {
        if (decision == null || decision.toString().isBlank()) {
            return "Not decided yet";
        }
        String code = decision.toString();
        if (code.startsWith("LEAD_REVIEW_")) {
            String why = reasonWords(code.substring("LEAD_REVIEW_".length()));
            return "Clinical lead asked to review: " + Character.toLowerCase(why.charAt(0)) + why.substring(1);
        }
        return switch (code) {
            case "SCHEDULE" -> "Follow-up booked";
            case "CONTINUE" -> "Improving as expected: next follow-up booked";
            case "DISCHARGE" -> "Discharged: the improvement was reached";
            case "REFERRED" -> "Referred out";
            case "EPISODE_DISCHARGED" -> "None: the episode was already discharged";
            case "EPISODE_REFERRED" -> "None: the case was already referred out";
            case "EPISODE_LAPSED" -> "None: the episode had lapsed";
            default -> words(code);
        };
    }

    /** A change from the baseline (baseline minus now): "3 better", "1 worse", "no change"; nothing when unknown. */
    static String improvement(Object points) {
        if (!(points instanceof Number number)) {
            return "—";
        }
        int change = number.intValue();
        return change == 0 ? "no change" : change > 0 ? change + " better" : -change + " worse";
    }

    /** Whether the list holds the value (the plan's regions, its advice). */
    static boolean includes(java.util.List<?> list, Object value) {
        return list != null && list.contains(value);
    }

    /** A code in lower case, for CSS classes. */
    static String lower(String code) {
        return code == null ? "" : code.toLowerCase(Locale.ROOT);
    }

    /** A field's JSON path as an element id ({@code history.onset.beganOn} → {@code history-onset-beganOn}). */
    static String anchor(String path) {
        return path.replace('.', '-');
    }

    /** An ISO instant as the clinic reads it, e.g. "Fri 4 Dec 2026, 14:30". */
    static String time(Object instant) {
        if (instant == null || instant.toString().isBlank()) {
            return "";
        }
        try {
            return TIME.format(Instant.parse(instant.toString()));
        } catch (RuntimeException e) {
            return instant.toString();
        }
    }

    /** The clinic's date of an instant (YYYY-MM-DD), e.g. to link an appointment to its day. */
    static String day(Object instant) {
        if (instant == null || instant.toString().isBlank()) {
            return "";
        }
        try {
            return Instant.parse(instant.toString()).atZone(FrontDeskPages.CLINIC_ZONE).toLocalDate().toString();
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** The clock time alone ("14:30"). */
    static String clock(Object instant) {
        if (instant == null || instant.toString().isBlank()) {
            return "";
        }
        try {
            return CLOCK.format(Instant.parse(instant.toString()));
        } catch (RuntimeException e) {
            return instant.toString();
        }
    }
}
