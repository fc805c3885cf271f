package care.sciatica.assessment.api;

import care.sciatica.contracts.EventJson;
import care.sciatica.contracts.EventType;
import care.sciatica.contracts.Topics;
import care.sciatica.local.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/** Fresh cases for the API tests: the catalogue's example history sent through the real broker, and row counts. */
final class TestCases {

    private TestCases() {
    }

    /** Records the example history (Raynaud's: ice excluded) for a new case at the site; returns once it is assessed. */
    static String assessed(TopicReader kafka, String siteId, ObjectNode history) {
        String caseId = history.get("caseId").asText();
        history.put("siteId", siteId);
        kafka.send(TopicReader.cloudEvent(EventType.HISTORY_RECORDED, caseId, siteId, UUID.randomUUID().toString(),
                history.toString()));
        kafka.awaitKeyed(Topics.ASSESSMENT_EVENTS, caseId, 1);
        return caseId;
    }

    static ObjectNode history() {
        ObjectNode data = (ObjectNode) example(EventType.HISTORY_RECORDED);
        data.put("caseId", UUID.randomUUID().toString());
        data.put("historyVersion", 1);
        return data;
    }

    static ObjectNode amendment(String caseId, String siteId) {
        ObjectNode data = (ObjectNode) example(EventType.HISTORY_AMENDED);
        data.put("caseId", caseId);
        data.put("siteId", siteId);
        data.put("historyVersion", 2);
        data.put("supersedesVersion", 1);
        return data;
    }

    static JsonNode data(ConsumerRecord<String, String> event) {
        try {
            return EventJson.mapper().readTree(event.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode step(JsonNode plan, String name) {
        for (JsonNode step : plan.get("steps")) {
            if (step.get("step").asText().equals(name)) {
                return step;
            }
        }
        throw new AssertionError("no step " + name + " in " + plan);
    }

    /** Rows of one table that concern one case (or carry one key): counts that no other test can change. */
    static long count(DataSource db, String sql, Object value) {
        try (Connection connection = db.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, value);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Long> countsFor(DataSource db, UUID caseId) {
        return List.of(
                count(db, "SELECT count(*) FROM assessment WHERE case_id = ?", caseId),
                count(db, "SELECT count(*) FROM outbox WHERE message_key = ?", caseId.toString()),
                count(db, "SELECT count(*) FROM audit_entry WHERE case_id = ?", caseId),
                count(db, "SELECT count(*) FROM assessment_override WHERE case_id = ?", caseId));
    }

    private static JsonNode example(EventType type) {
        try (InputStream in = TestCases.class.getClassLoader().getResourceAsStream(type.exampleResource())) {
            return EventJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
