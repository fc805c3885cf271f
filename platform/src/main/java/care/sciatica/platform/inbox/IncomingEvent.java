package care.sciatica.platform.inbox;

import care.sciatica.contracts.CloudEventAttributes;
import care.sciatica.contracts.EventJson;
import care.sciatica.contracts.EventSchemas;
import care.sciatica.contracts.EventType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** A CloudEvent read from Kafka in binary mode: the ce_* attributes and the raw JSON data. */
public record IncomingEvent(String id, String type, String source, String subject, String data,
                            String topic, int partition, long offset) {

    /** Reads the attributes; an event without them cannot be processed and is poison. */
    public static IncomingEvent from(ConsumerRecord<String, String> record) {
        String id = header(record, CloudEventAttributes.ID);
        String type = header(record, CloudEventAttributes.TYPE);
        String source = header(record, CloudEventAttributes.SOURCE);
        String subject = header(record, CloudEventAttributes.SUBJECT);
        if (record.value() == null || record.value().isBlank()) {
            throw new PoisonEventException("event " + id + " has no data");
        }
        return new IncomingEvent(id, type, source, subject, record.value(), record.topic(), record.partition(),
                record.offset());
    }

    /** The catalogue entry of this event's type, if the catalogue knows it. */
    public Optional<EventType> eventType() {
        return EventType.of(type);
    }

    /**
     * The data as the catalogue's record for this event's type, after checking it against the type's JSON Schema;
     * data that breaks the contract is poison. The reading is tolerant: a property the catalogue added after this
     * consumer was built is ignored, everything else the schema says still holds.
     */
    public <T extends Record> T dataAs(Class<T> recordClass) {
        EventType expected = EventType.ofDataClass(recordClass).orElseThrow(() -> new IllegalArgumentException(
                recordClass.getName() + " is not an event of the catalogue"));
        if (!expected.type().equals(type)) {
            throw new PoisonEventException("event " + id + " is a " + type + ", not a " + expected.type());
        }
        JsonNode tree;
        try {
            tree = EventJson.mapper().readTree(data);
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("event " + id + " data is not JSON: " + e.getOriginalMessage(), e);
        }
        List<EventSchemas.Violation> violations = EventSchemas.breakingViolations(expected, tree);
        if (!violations.isEmpty()) {
            throw new PoisonEventException("event " + id + " breaks the " + type + " contract: " + violations);
        }
        try {
            return EventJson.tolerant().treeToValue(tree, recordClass);
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("event " + id + " cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null || header.value().length == 0) {
            throw new PoisonEventException("missing CloudEvents attribute " + name + " at " + record.topic() + "/"
                    + record.partition() + "@" + record.offset());
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
