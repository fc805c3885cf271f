package care.sciatica.followup.fhir;

import care.sciatica.platform.problem.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * A FHIR date search parameter, possibly repeated (e.g. {@code date=ge2031-05-01&date=lt2031-06-01}): prefixes eq (the
 * default), ge, gt, le, lt, each with a day ({@code yyyy-MM-dd}, read in {@code zone}) or an instant.
 *
 * @param from inclusive, or null for no lower bound
 * @param to   exclusive, or null for no upper bound
 */
public record DateRange(Instant from, Instant to) {

    public static DateRange parse(String parameter, List<String> values, ZoneId zone) {
        Instant from = null;
        Instant to = null;
        for (String raw : values == null ? List.<String>of() : values) {
            String prefix = raw.length() > 2 && Character.isLetter(raw.charAt(0)) ? raw.substring(0, 2) : "eq";
            String value = raw.length() > 2 && Character.isLetter(raw.charAt(0)) ? raw.substring(2) : raw;
            Instant start;
            Instant end;
            try {
                if (value.length() == 10) {
                    LocalDate day = LocalDate.parse(value);
                    start = day.atStartOfDay(zone).toInstant();
                    end = day.plusDays(1).atStartOfDay(zone).toInstant();
                } else {
                    start = Instant.parse(value);
                    end = start.plusMillis(1);
                }
            } catch (DateTimeParseException e) {
                throw ProblemException.invalid(parameter, "'" + raw + "' is not a date (yyyy-MM-dd) or an instant");
            }
            switch (prefix) {
                case "eq" -> {
                    from = later(from, start);
                    to = earlier(to, end);
                }
                case "ge" -> from = later(from, start);
                case "gt" -> from = later(from, end);
                case "le" -> to = earlier(to, end);
                case "lt" -> to = earlier(to, start);
                default -> throw ProblemException.invalid(parameter, "unsupported prefix '" + prefix
                        + "'; use eq, ge, gt, le or lt");
            }
        }
        return new DateRange(from, to);
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }
}
