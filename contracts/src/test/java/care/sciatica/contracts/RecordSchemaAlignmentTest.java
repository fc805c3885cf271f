package care.sciatica.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.sciatica.contracts.ContractResources.Located;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each record matches its schema, recursively: the same property names, compatible types, primitives only for required
 * properties, and every Java enum exactly the codes the schemas allow.
 */
class RecordSchemaAlignmentTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void recordMatchesSchema(EventType type) {
        align(type.dataClass(), root(type), type.dataClass().getSimpleName(), new HashMap<>());
    }

    @Test
    void everyJavaEnumHasExactlyTheCodesTheSchemasUse() {
        Map<Class<?>, Set<String>> codesByEnum = new HashMap<>();
        for (EventType type : EventType.values()) {
            align(type.dataClass(), root(type), type.dataClass().getSimpleName(), codesByEnum);
        }
        assertTrue(codesByEnum.size() > 20, "enums found: " + codesByEnum.keySet());
        codesByEnum.forEach((enumClass, codes) -> assertEquals(constants(enumClass), codes, enumClass.getSimpleName()));
    }

    private static Located root(EventType type) {
        return new Located(URI.create(type.schemaId()), ContractResources.json(type.schemaResource()));
    }

    private static void align(Class<?> recordClass, Located schema, String path, Map<Class<?>, Set<String>> codes) {
        Located resolved = ContractResources.resolve(schema.base(), schema.node());
        JsonNode properties = resolved.node().get("properties");
        assertNotNull(properties, path + " has no properties in its schema");
        Set<String> required = new HashSet<>();
        resolved.node().path("required").forEach(r -> required.add(r.asText()));

        Set<String> schemaNames = new TreeSet<>();
        properties.fieldNames().forEachRemaining(schemaNames::add);
        Set<String> recordNames = Arrays.stream(recordClass.getRecordComponents())
                .map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(schemaNames, recordNames, path);

        for (RecordComponent component : recordClass.getRecordComponents()) {
            String componentPath = path + "." + component.getName();
            if (component.getType().isPrimitive()) {
                assertTrue(required.contains(component.getName()), componentPath + " is primitive but optional");
            }
            Located property = ContractResources.resolve(resolved.base(), properties.get(component.getName()));
            alignValue(component.getGenericType(), property, componentPath, codes);
        }
    }

    private static void alignValue(Type type, Located schema, String path, Map<Class<?>, Set<String>> codes) {
        Located resolved = ContractResources.resolve(schema.base(), schema.node());
        JsonNode node = resolved.node();
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            assertEquals("array", node.path("type").asText(), path);
            alignValue(list.getActualTypeArguments()[0], new Located(resolved.base(), node.get("items")), path + "[]", codes);
            return;
        }
        Class<?> raw = (Class<?>) type;
        if (raw.isRecord()) {
            assertEquals("object", node.path("type").asText(), path);
            align(raw, resolved, path, codes);
        } else if (raw.isEnum()) {
            Set<String> allowed = new TreeSet<>();
            node.path("enum").forEach(code -> allowed.add(code.asText()));
            assertTrue(!allowed.isEmpty() && constants(raw).containsAll(allowed), path + " codes " + allowed);
            codes.computeIfAbsent(raw, k -> new TreeSet<>()).addAll(allowed);
        } else if (raw == String.class) {
            assertEquals("string", node.path("type").asText(), path);
        } else if (raw == Instant.class) {
            assertEquals("date-time", node.path("format").asText(), path);
        } else if (raw == LocalDate.class) {
            assertEquals("date", node.path("format").asText(), path);
        } else if (raw == int.class || raw == Integer.class) {
            assertEquals("integer", node.path("type").asText(), path);
        } else if (raw == boolean.class) {
            assertEquals("boolean", node.path("type").asText(), path);
        } else {
            throw new AssertionError(path + ": no alignment rule for " + raw);
        }
    }

    private static Set<String> constants(Class<?> enumClass) {
        return Arrays.stream(enumClass.getEnumConstants())
                .map(c -> ((Enum<?>) c).name())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
