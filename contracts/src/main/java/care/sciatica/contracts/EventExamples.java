package care.sciatica.contracts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The catalogue's realistic example of each event's data, shipped in this jar, as a fresh copy for every caller. */
public final class EventExamples {

    private EventExamples() {
    }

    /** The example's JSON, free to change: every call reads a new copy. */
    public static ObjectNode json(EventType type) {
        try (InputStream in = EventExamples.class.getClassLoader().getResourceAsStream(type.exampleResource())) {
            if (in == null) {
                throw new IllegalStateException("No example for " + type.type() + " at " + type.exampleResource());
            }
            return (ObjectNode) EventJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(type.exampleResource(), e);
        }
    }

    /** The example read into the type's record. */
    public static <T extends Record> T record(EventType type, Class<T> recordClass) {
        return EventJson.fromBytes(json(type).toString().getBytes(StandardCharsets.UTF_8),
                recordClass);
    }
}
