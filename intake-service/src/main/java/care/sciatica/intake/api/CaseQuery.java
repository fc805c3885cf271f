package care.sciatica.intake.api;

import care.sciatica.intake.domain.CaseStatus;
import care.sciatica.platform.problem.Problem;
import care.sciatica.platform.problem.ProblemException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads the case list's query parameters from their text, so that a value that cannot be read is refused with its
 * name and what is allowed (a typed parameter would answer 404 instead); every problem is reported at once.
 */
final class CaseQuery {

    static final int MAX_PAGE_SIZE = 100;

    private final List<Problem.FieldProblem> problems = new ArrayList<>();

    CaseFilter filter(String status, String openedFrom, String openedTo) {
        LocalDate from = date("openedFrom", openedFrom);
        LocalDate to = date("openedTo", openedTo);
        if (from != null && to != null && to.isBefore(from)) {
            problems.add(new Problem.FieldProblem("openedTo", "is before openedFrom (" + from + ")"));
        }
        return new CaseFilter(status(status), from, to);
    }

    int number(String name, String text, int fallback, int min, int max) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        problems.add(new Problem.FieldProblem(name, "must be a whole number from " + min + " to " + max
                + "; got '" + text + "'"));
        return fallback;
    }

    /** Throws every problem found so far, if any. */
    void refuseProblems() {
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
    }

    private CaseStatus status(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return CaseStatus.valueOf(text.trim());
        } catch (IllegalArgumentException e) {
            problems.add(new Problem.FieldProblem("status", "unknown value '" + text + "'; allowed: "
                    + Arrays.stream(CaseStatus.values()).map(Enum::name).collect(Collectors.joining(", "))));
            return null;
        }
    }

    private LocalDate date(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            problems.add(new Problem.FieldProblem(name, "'" + text + "' is not a date; write it as YYYY-MM-DD"));
            return null;
        }
    }
}
