package care.sciatica.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The AsyncAPI document parses, is version 3.0.0, and covers every topic and event type of the catalogue. */
class AsyncApiTest {

    private static final String DOCUMENT = EventType.RESOURCE_ROOT + "asyncapi.yaml";

    private static String text;
    private static JsonNode asyncApi;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = ContractResources.stream(DOCUMENT)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        asyncApi = new YAMLMapper().readTree(text);
    }

    @Test
    void isAsyncApi3() {
        assertEquals("3.0.0", asyncApi.path("asyncapi").asText());
    }

    @Test
    void hasAChannelForEveryTopicAndNoOther() throws IllegalAccessException {
        Set<String> addresses = new HashSet<>();
        asyncApi.path("channels").forEach(channel -> addresses.add(channel.path("address").asText()));
        assertEquals(topics(), addresses);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void describesEveryEventOnItsTopic(EventType type) {
        assertTrue(text.contains(type.type()), type.type());
        List<String> channels = new ArrayList<>();
        for (Map.Entry<String, JsonNode> channel : asyncApi.path("channels").properties()) {
            for (JsonNode ref : channel.getValue().path("messages")) {
                JsonNode message = asyncApi.at(ref.path("$ref").asText().substring(1));
                if (message.path("name").asText().equals(type.type())) {
                    channels.add(channel.getValue().path("address").asText());
                    assertEquals("./" + type.schemaResource().substring(EventType.RESOURCE_ROOT.length()),
                            message.at("/payload/schema/$ref").asText());
                }
            }
        }
        assertEquals(List.of(type.topic()), channels);
    }

    @Test
    void everyReferencedFileExistsAndEveryLocalReferenceResolves() {
        List<String> refs = new ArrayList<>();
        asyncApi.findValues("$ref").forEach(ref -> refs.add(ref.asText()));
        assertTrue(refs.size() > EventType.values().length);
        for (String ref : refs) {
            if (ref.startsWith("#")) {
                assertTrue(!asyncApi.at(ref.substring(1)).isMissingNode(), "unresolved " + ref);
            } else {
                String resource = EventType.RESOURCE_ROOT + ref.replaceFirst("^\\./", "").replaceFirst("#.*$", "");
                assertTrue(ContractResources.exists(resource), "missing " + resource);
            }
        }
    }

    @Test
    void describesTheCloudEventsHeadersAndTheCaseIdKey() {
        Set<String> headerNames = new HashSet<>();
        asyncApi.at("/components/schemas/cloudEventHeaders/properties").fieldNames().forEachRemaining(headerNames::add);
        assertEquals(Set.of(CloudEventAttributes.SPECVERSION, CloudEventAttributes.ID, CloudEventAttributes.SOURCE,
                CloudEventAttributes.TYPE, CloudEventAttributes.SUBJECT, CloudEventAttributes.TIME,
                CloudEventAttributes.CONTENT_TYPE), headerNames);
        assertEquals("string", asyncApi.at("/components/schemas/caseIdKey/type").asText());
        for (EventType type : EventType.values()) {
            JsonNode message = messageNamed(type.type());
            assertEquals("#/components/schemas/caseIdKey", message.at("/bindings/kafka/key/$ref").asText(), type.type());
        }
    }

    private static JsonNode messageNamed(String name) {
        for (JsonNode message : asyncApi.at("/components/messages")) {
            if (message.path("name").asText().equals(name)) {
                return message;
            }
        }
        throw new AssertionError("no message named " + name);
    }

    private static Set<String> topics() throws IllegalAccessException {
        Set<String> topics = new HashSet<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                topics.add((String) field.get(null));
            }
        }
        assertEquals(Arrays.stream(EventType.values()).map(EventType::topic).collect(Collectors.toSet()),
                topics.stream().filter(t -> t.endsWith(".events")).collect(Collectors.toSet()));
        return topics;
    }
}
