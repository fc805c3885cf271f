package care.sciatica.intake.usecase;

import care.sciatica.contracts.EventJson;
import care.sciatica.contracts.EventSchemas;
import care.sciatica.contracts.intake.History;
import care.sciatica.intake.domain.ClinicalDates;
import care.sciatica.platform.problem.Problem;
import care.sciatica.platform.problem.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.List;

/**
 * Reads a history as a request carries it: the catalogue's own schema first, so that what is stored is exactly what
 * the events carry, then the dates the schema cannot judge. Every refusal names the field under {@code history}.
 */
final class HistoryForms {

    static final String FIELD = "history";

    private HistoryForms() {
    }

    static History read(JsonNode json) {
        List<Problem.FieldProblem> problems = EventSchemas.violations(EventSchemas.HISTORY_SCHEMA_ID, json).stream()
                .map(violation -> new Problem.FieldProblem(field(violation.path()),
                        SchemaMessages.reason(violation, json)))
                .toList();
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        try {
            return EventJson.mapper().treeToValue(json, History.class);
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid(FIELD, e.getOriginalMessage());
        }
    }

    /** Refuses a date in the future or before the birth date (when it is still known). */
    static void checkDates(History history, LocalDate birthDate, LocalDate today) {
        Refusals.throwAny(FIELD + ".", ClinicalDates.ofHistory(history, birthDate, today));
    }

    private static String field(String path) {
        return "$".equals(path) ? FIELD : FIELD + "." + path;
    }
}
