package care.sciatica.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The released schemas (copied to {@code src/test/resources/released/} when a type is released) only ever gain optional
 * properties: every other change to a released type must be a new version beside it.
 */
class SchemaCompatibilityTest {

    private static final String RELEASED = "released/schemas/";
    private static final String PLAN_ISSUED = EventType.PLAN_ISSUED.schemaResource();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyCatalogueTypeHasAReleasedCopy(EventType type) {
        assertThat(ContractResources.exists(released(type.schemaResource())))
                .as("copy %s to src/test/resources/%s when releasing it", type.schemaResource(), RELEASED).isTrue();
    }

    @ParameterizedTest
    @MethodSource("releasedSchemas")
    void releasedSchemasChangeOnlyCompatibly(String current) {
        assertThat(SchemaCompatibility.breakingChanges(ContractResources.json(released(current)),
                ContractResources.json(current))).isEmpty();
    }

    @Test
    void anAddedOptionalPropertyIsCompatible() {
        ObjectNode schema = planIssued();
        properties(schema).putObject("visitNumber").put("type", "integer");
        schema.put("description", "reworded");

        assertThat(SchemaCompatibility.breakingChanges(planIssued(), schema)).isEmpty();
    }

    @Test
    void aRemovedPropertyBreaks() {
        ObjectNode schema = planIssued();
        properties(schema).remove("rulesVersion");

        assertThat(SchemaCompatibility.breakingChanges(planIssued(), schema))
                .anySatisfy(change -> assertThat(change).startsWith("/properties/rulesVersion: removed"));
    }

    @Test
    void aRetypedPropertyBreaks() {
        ObjectNode schema = planIssued();
        properties(schema).putObject("planVersion").put("type", "string");

        assertThat(SchemaCompatibility.breakingChanges(planIssued(), schema)).isNotEmpty();
    }

    @Test
    void anOptionalPropertyMadeRequiredBreaks() {
        ObjectNode schema = planIssued();
        String optional = optionalProperty(schema);
        ((ArrayNode) schema.get("required")).add(optional);

        assertThat(SchemaCompatibility.breakingChanges(planIssued(), schema)).singleElement()
                .satisfies(change -> assertThat(change).startsWith("/required: was ").contains(optional));
    }

    @Test
    void anAddedRequiredPropertyBreaks() {
        ObjectNode schema = planIssued();
        properties(schema).putObject("visitNumber").put("type", "integer");
        ((ArrayNode) schema.get("required")).add("visitNumber");

        assertThat(SchemaCompatibility.breakingChanges(planIssued(), schema)).hasSize(2);
    }

    static Stream<String> releasedSchemas() throws IOException {
        Path root = Path.of("src/test/resources", RELEASED);
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> EventSchemas.SCHEMA_FOLDER + root.relativize(file).toString().replace('\\', '/'))
                    .sorted().toList().stream();
        }
    }

    private static String released(String schemaResource) {
        return RELEASED + schemaResource.substring(EventSchemas.SCHEMA_FOLDER.length());
    }

    private static ObjectNode planIssued() {
        return (ObjectNode) ContractResources.json(PLAN_ISSUED);
    }

    private static ObjectNode properties(ObjectNode schema) {
        return (ObjectNode) schema.get("properties");
    }

    private static String optionalProperty(ObjectNode schema) {
        Set<String> required = new HashSet<>();
        schema.get("required").forEach(name -> required.add(name.asText()));
        Iterator<String> names = properties(schema).fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!required.contains(name)) {
                return name;
            }
        }
        throw new IllegalStateException("plan-issued has no optional property");
    }
}
