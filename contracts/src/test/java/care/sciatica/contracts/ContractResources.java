package care.sciatica.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Set;

/** Test access to the contract resources: JSON loading, schema validation and {@code $ref} resolution from the classpath. */
final class ContractResources {

    static final String ID_PREFIX = EventSchemas.ID_PREFIX;
    static final String SCHEMA_FOLDER = EventSchemas.SCHEMA_FOLDER;

    private static final ObjectMapper JSON = new ObjectMapper();

    private ContractResources() {
    }

    static JsonNode json(String resource) {
        try (InputStream in = stream(resource)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }

    static boolean exists(String resource) {
        return ContractResources.class.getClassLoader().getResource(resource) != null;
    }

    static InputStream stream(String resource) {
        InputStream in = ContractResources.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("No classpath resource " + resource);
        }
        return in;
    }

    /** The event's schema, loaded by its {@code $id} so that relative references resolve to the classpath. */
    static JsonSchema schema(EventType type) {
        return EventSchemas.schema(type);
    }

    static JsonSchema schema(String id) {
        return EventSchemas.schema(id);
    }

    static Set<ValidationMessage> validate(EventType type, JsonNode data) {
        return schema(type).validate(data);
    }

    /** A schema node together with the document URI its relative references resolve against. */
    record Located(URI base, JsonNode node) {
    }

    /** Follows {@code $ref} (also across files) until it reaches a node without one. */
    static Located resolve(URI base, JsonNode node) {
        Located current = new Located(base, node);
        while (current.node().has("$ref")) {
            URI target = current.base().resolve(current.node().get("$ref").asText());
            URI document = URI.create(target.getScheme() + ":" + target.getSchemeSpecificPart());
            JsonNode root = json(resourceOf(document));
            JsonNode resolved = target.getFragment() == null ? root : root.at(target.getFragment());
            if (resolved instanceof MissingNode) {
                throw new IllegalStateException("Unresolvable $ref " + target);
            }
            current = new Located(document, resolved);
        }
        return current;
    }

    static String resourceOf(URI schemaId) {
        String id = schemaId.toString();
        if (!id.startsWith(ID_PREFIX)) {
            throw new IllegalArgumentException("Not a catalogue schema: " + id);
        }
        return SCHEMA_FOLDER + id.substring(ID_PREFIX.length());
    }
}
