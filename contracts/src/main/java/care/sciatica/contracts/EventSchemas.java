package care.sciatica.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

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
            // Messages are shown to staff and matched by intake's wording; they must not follow the JVM's locale.
            .locale(Locale.ENGLISH)
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

    /** The schema of the history a case records, shared by the history events and intake's API. */
    public static final String HISTORY_SCHEMA_ID = ID_PREFIX + "common/history.schema.json";

    /** The contract violations of {@code data}; empty when it conforms. */
    public static List<Violation> violations(EventType type, JsonNode data) {
        return violations(type.schemaId(), data);
    }

    /**
     * The violations a tolerant reader cannot accept: every violation except a property the schema does not know.
     * Adding an optional property is a compatible change (see {@code contracts/EVOLUTION.md}), so a consumer built
     * against an older copy of the catalogue must still read the event; a missing required property, a wrong type or
     * an unknown code is still a broken contract.
     */
    public static List<Violation> breakingViolations(EventType type, JsonNode data) {
        return violations(type.schemaId(), data, message -> !"additionalProperties".equals(message.getType()));
    }

    /** The violations of {@code data} against the catalogue schema with this {@code $id}; empty when it conforms. */
    public static List<Violation> violations(String schemaId, JsonNode data) {
        return violations(schemaId, data, message -> true);
    }

    private static List<Violation> violations(String schemaId, JsonNode data, Predicate<ValidationMessage> counts) {
        return schema(schemaId).validate(data).stream()
                .filter(counts)
                .map(message -> new Violation(path(message), message.getError()))
                .sorted(java.util.Comparator.comparing(Violation::path).thenComparing(Violation::message))
                .toList();
    }

    /**
     * Where the data breaks the schema, as the caller wrote it: "$.pain.nrsNow" becomes "pain.nrsNow", and a missing
     * or unexpected property is named itself rather than by the object that lacks or has it.
     */
    private static String path(ValidationMessage message) {
        StringBuilder path = new StringBuilder();
        JsonNodePath location = message.getInstanceLocation();
        for (int i = 0; i < location.getNameCount(); i++) {
            append(path, location.getElement(i));
        }
        boolean namesProperty = message.getProperty() != null
                && ("required".equals(message.getType()) || "additionalProperties".equals(message.getType()));
        if (namesProperty) {
            append(path, message.getProperty());
        }
        return path.isEmpty() ? "$" : path.toString();
    }

    private static void append(StringBuilder path, Object element) {
        if (element instanceof Integer index) {
            path.append('[').append(index).append(']');
        } else {
            path.append(path.isEmpty() ? "" : ".").append(element);
        }
    }

    /** One way in which data breaks its schema: where, and the validator's message. */
    public record Violation(String path, String message) {

        @Override
        public String toString() {
            return path + ": " + message;
        }
    }
}
