package care.sciatica.intake.usecase;

import care.sciatica.contracts.EventJson;
import care.sciatica.contracts.EventSchemas;
import care.sciatica.contracts.intake.History;
import care.sciatica.intake.domain.ClinicalDates;
import care.sciatica.platform.problem.Problem;
import care.sciatica.platform.problem.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.util.List;

/**
 * Reads a history as a request carries it: the catalogue's own schema first, so that what is stored is exactly what
 * the events carry, then the dates the schema cannot judge. Every refusal names the field under {@code history}.
 * A part of a history sent on its own (a visit's red-flag screen) is read by the same schema's part.
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

    /**
     * Reads one part of a history sent on its own, such as {@code redFlags}, by the history schema's definition of that
     * part; the request carries it under the same name, so every refusal names the field under {@code part}.
     */
    static <T> T readPart(String part, JsonNode json, Class<T> type) {
        ObjectNode asSent = EventJson.mapper().createObjectNode().set(part, json);
        List<Problem.FieldProblem> problems = EventSchemas.violations(
                        EventSchemas.HISTORY_SCHEMA_ID + "#/properties/" + part, json).stream()
                .map(violation -> new EventSchemas.Violation(
                        "$".equals(violation.path()) ? part : part + "." + violation.path(), violation.message()))
                .map(violation -> new Problem.FieldProblem(violation.path(),
                        SchemaMessages.reason(violation, asSent)))
                .toList();
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        try {
            return EventJson.mapper().treeToValue(json, type);
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid(part, e.getOriginalMessage());
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
