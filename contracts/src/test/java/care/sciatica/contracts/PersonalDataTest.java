package care.sciatica.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** No schema in the catalogue has a property that looks like personal data (names, birth dates, contacts, free text). */
class PersonalDataTest {

    /** Fragments that are personal data wherever they appear in a normalised property name. */
    private static final List<String> DENIED_FRAGMENTS = List.of(
            "firstname", "lastname", "fullname", "surname", "givenname", "familyname", "maidenname", "birthdate",
            "dateofbirth", "birthday", "phone", "mobile", "email", "address", "street", "postcode", "postalcode", "zipcode",
            "freetext", "comment", "notes", "nationalid", "socialsecurity", "passport", "insurancenumber", "nhsnumber");
    /** Short terms that count only at the start or end of a name (patientName, dobDate), not inside a longer word. */
    private static final List<String> DENIED_AFFIXES = List.of("name", "dob", "zip", "ssn", "city", "note", "text");

    static Stream<Path> schemaFiles() throws IOException, URISyntaxException {
        Path root = Path.of(PersonalDataTest.class.getClassLoader().getResource(ContractResources.SCHEMA_FOLDER).toURI());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".schema.json")).sorted().toList();
        }
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("schemaFiles")
    void schemaHasNoPersonalDataProperty(Path schemaFile) throws IOException {
        JsonNode schema = new ObjectMapper().readTree(schemaFile.toFile());
        assertEquals(List.of(), personalDataProperties(schema), schemaFile.getFileName().toString());
    }

    @Test
    void asyncApiHeadersHaveNoPersonalDataProperty() throws IOException {
        JsonNode asyncApi = new YAMLMapper().readTree(ContractResources.stream(EventType.RESOURCE_ROOT + "asyncapi.yaml"));
        assertEquals(List.of(), personalDataProperties(asyncApi));
    }

    @Test
    void detectorFindsPersonalDataAtAnyDepth() throws IOException {
        JsonNode schema = new ObjectMapper().readTree("""
                {
                    "type": "object",
                    "properties": {
                        "caseId": { "type": "string" },
                        "patient": {
                            "type": "object",
                            "properties": {
                                "patientName": { "type": "string" },
                                "contact": { "type": "array", "items": { "properties": { "E_Mail": { "type": "string" } } } }
                            }
                        },
                        "therapistNotes": { "type": "string" }
                    },
                    "$defs": { "person": { "properties": { "dob": { "type": "string" } } } }
                }
                """);
        assertEquals(List.of("patient.patientName", "patient.contact.E_Mail", "therapistNotes", "dob"),
                personalDataProperties(schema));
        assertFalse(isPersonalData("caseId") || isPersonalData("patientRef") || isPersonalData("sciaticNotchTenderness"));
    }

    /** Dotted paths of every property, at any depth, whose normalised name is on the deny-list. */
    static List<String> personalDataProperties(JsonNode schema) {
        List<String> found = new ArrayList<>();
        collect(schema, "", found);
        return found;
    }

    private static void collect(JsonNode node, String path, List<String> found) {
        if (node.isObject()) {
            JsonNode properties = node.get("properties");
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                boolean isPropertyMap = field.getValue() == properties && properties.isObject();
                if (isPropertyMap) {
                    for (Map.Entry<String, JsonNode> property : properties.properties()) {
                        String propertyPath = path.isEmpty() ? property.getKey() : path + "." + property.getKey();
                        if (isPersonalData(property.getKey())) {
                            found.add(propertyPath);
                        }
                        collect(property.getValue(), propertyPath, found);
                    }
                } else {
                    collect(field.getValue(), path, found);
                }
            }
        } else if (node.isArray()) {
            node.forEach(element -> collect(element, path, found));
        }
    }

    static boolean isPersonalData(String propertyName) {
        String normalised = propertyName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return DENIED_FRAGMENTS.stream().anyMatch(normalised::contains)
                || DENIED_AFFIXES.stream().anyMatch(a -> normalised.startsWith(a) || normalised.endsWith(a));
    }
}
