package care.sciatica.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every example reads into its record with {@link EventJson} and writes back to the same JSON. */
class RoundTripTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void exampleRoundTripsThroughItsRecord(EventType type) throws Exception {
        JsonNode example = ContractResources.json(type.exampleResource());
        byte[] bytes = EventJson.mapper().writeValueAsBytes(example);

        Record data = EventJson.fromBytes(bytes, type);
        assertInstanceOf(type.dataClass(), data);

        JsonNode written = EventJson.mapper().readTree(EventJson.toBytes(data));
        assertEquals(example, written);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void unknownPropertiesAreRejected(EventType type) {
        ObjectNode example = (ObjectNode) ContractResources.json(type.exampleResource());
        example.put("patientName", "Jane Doe");
        byte[] bytes = example.toString().getBytes(StandardCharsets.UTF_8);
        assertThrows(IllegalArgumentException.class, () -> EventJson.fromBytes(bytes, type));
    }
}
