package care.sciatica.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates event data against the catalogue's JSON Schemas, loaded from the classpath by their {@code $id}, so a
 * producer's tests and a consumer's inbox judge an event by the same contract.
 */
public final class EventSchemas {

    static final String ID_PREFIX = "https://schemas.sciatica.care/events/";
    static final String SCHEMA_FOLDER = EventType.RESOURCE_ROOT + "schemas/";

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(ID_PREFIX, "classpath:" + SCHEMA_FOLDER)));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();
    private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** The schema with this {@code $id}; relative references resolve to the classpath. */
    public static JsonSchema schema(String id) {
        return CACHE.computeIfAbsent(id, key -> {
            JsonSchema schema = FACTORY.getSchema(SchemaLocation.of(key), CONFIG);
            schema.initializeValidators();
            return schema;
        });
    }

    public static JsonSchema schema(EventType type) {
        return schema(type.schemaId());
    }

    /** The contract violations of {@code data} as "path: message" lines; empty when it conforms. */
    public static List<String> violations(EventType type, JsonNode data) {
        return schema(type).validate(data).stream()
                .map(message -> message.getInstanceLocation() + ": " + message.getMessage())
                .sorted()
                .toList();
    }
}
