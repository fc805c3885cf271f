package care.sciatica.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A consumer built against today's catalogue reads an event from a producer that has added optional properties,
 * at the top and in every nested object, and reads it exactly as it reads the event without them; what the schema
 * requires still holds.
 */
class TolerantReaderTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void addedPropertiesAreIgnoredByTheConsumer(EventType type) throws Exception {
        ObjectNode example = EventExamples.json(type);
        ObjectNode extended = withAddedProperties(example.deepCopy());

        assertThat(EventSchemas.violations(type, extended)).as("the producer's contract stays strict").isNotEmpty();
        assertThat(EventSchemas.breakingViolations(type, extended)).isEmpty();
        assertThat(EventJson.tolerant().treeToValue(extended, type.dataClass()))
                .isEqualTo(EventJson.mapper().treeToValue(example, type.dataClass()));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void aMissingRequiredPropertyStillBreaksTheContract(EventType type) {
        ObjectNode extended = withAddedProperties(EventExamples.json(type));
        extended.remove("caseId");

        assertThat(EventSchemas.breakingViolations(type, extended))
                .anySatisfy(violation -> assertThat(violation.path()).isEqualTo("caseId"));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void aWrongTypeStillBreaksTheContract(EventType type) {
        ObjectNode extended = withAddedProperties(EventExamples.json(type));
        extended.put("siteId", 42);

        assertThat(EventSchemas.breakingViolations(type, extended))
                .anySatisfy(violation -> assertThat(violation.path()).isEqualTo("siteId"));
    }

    /** Adds an optional property a later catalogue might define to this object and to every object inside it. */
    private static ObjectNode withAddedProperties(ObjectNode node) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            JsonNode value = fields.next().getValue();
            if (value.isObject()) {
                withAddedProperties((ObjectNode) value);
            } else if (value.isArray()) {
                value.forEach(item -> {
                    if (item.isObject()) {
                        withAddedProperties((ObjectNode) item);
                    }
                });
            }
        }
        node.put("addedLater", "a value a newer producer sends");
        return node;
    }
}
