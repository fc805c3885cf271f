package care.sciatica.assessment.usecase;

import care.sciatica.contracts.EventJson;
import care.sciatica.contracts.EventSchemas;
import care.sciatica.contracts.intake.History;
import care.sciatica.contracts.intake.NeurologicalChange;
import care.sciatica.platform.problem.Problem;
import care.sciatica.platform.problem.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.UncheckedIOException;
import java.util.List;

/** Reads a history from outside, or back from storage, judged by the catalogue's own schema as intake's events are. */
final class HistoryInput {

    private HistoryInput() {
    }

    /** The history posted under {@code field}, or a problem naming every field that breaks the schema. */
    static History posted(String field, JsonNode json) {
        if (json == null || json.isNull()) {
            throw ProblemException.invalid(field, "is required");
        }
        List<Problem.FieldProblem> problems = EventSchemas.violations(EventSchemas.HISTORY_SCHEMA_ID, json).stream()
                .map(violation -> new Problem.FieldProblem(
                        "$".equals(violation.path()) ? field : field + "." + violation.path(), violation.message()))
                .toList();
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        try {
            return EventJson.mapper().treeToValue(json, History.class);
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid(field, e.getOriginalMessage());
        }
    }

    /** A review's change in the neurological signs that this service stored itself; null when there was no review. */
    static NeurologicalChange storedChange(String json) {
        if (json == null) {
            return null;
        }
        try {
            return EventJson.mapper().readValue(json, NeurologicalChange.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A history this service stored itself: already valid. */
    static History stored(String json) {
        try {
            return EventJson.mapper().readValue(json, History.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
