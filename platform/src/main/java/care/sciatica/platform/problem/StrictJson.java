package care.sciatica.platform.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * The one reading of request bodies for every service: what is not exactly what the API documents is refused, never
 * guessed. Unknown fields, duplicate keys, anything after the document, enum ordinals, fractions or strings for
 * numbers, and strings with control characters or lone surrogates all answer a 400 problem naming the field.
 * <p>
 * This configures the application's ObjectMapper, which in this chassis reads only REST bodies (and the idempotency
 * store's own replies). Events are read with the contracts' {@code EventJson} mapper, checked against the catalogue's
 * schemas, so a consumer still tolerates an optional field a producer adds.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    @SuppressWarnings("deprecation")
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, true);
        mapper.registerModule(new SimpleModule("sciatica-strict-text")
                .addDeserializer(String.class, new CheckedString())
                .addDeserializer(JsonNode.class, new CheckedTree()));
    }

    /** The reason a string is refused, as a mapping failure so that the problem names its field. */
    static final class RefusedText extends MismatchedInputException {

        RefusedText(JsonParser parser, String reason) {
            super(parser, reason, String.class);
        }
    }

    /** Strings only from JSON strings (never from numbers or booleans), and only clean text. */
    static final class CheckedString extends StdScalarDeserializer<String> {

        CheckedString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            String text = parser.getText();
            String refusal = TextChecks.refusal(text);
            if (refusal != null) {
                throw new RefusedText(parser, refusal);
            }
            return text;
        }
    }

    /** Free-form JSON (a history checked against its schema later) is held to the same text rules, keys included. */
    static final class CheckedTree extends StdDeserializer<JsonNode> {

        private final JsonDeserializer<? extends JsonNode> tree = JsonNodeDeserializer.getDeserializer(JsonNode.class);

        CheckedTree() {
            super(JsonNode.class);
        }

        @Override
        public JsonNode deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode node = tree.deserialize(parser, context);
            check(parser, node);
            return node;
        }

        private static void check(JsonParser parser, JsonNode node) throws JsonMappingException {
            if (node.isTextual()) {
                String refusal = TextChecks.refusal(node.textValue());
                if (refusal != null) {
                    throw new RefusedText(parser, refusal);
                }
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    try {
                        check(parser, node.get(i));
                    } catch (JsonMappingException e) {
                        e.prependPath(node, i);
                        throw e;
                    }
                }
            } else if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    String refusal = TextChecks.refusal(field.getKey());
                    try {
                        if (refusal != null) {
                            throw new RefusedText(parser, "field name " + refusal);
                        }
                        check(parser, field.getValue());
                    } catch (JsonMappingException e) {
                        e.prependPath(node, refusal != null ? TextChecks.excerpt(field.getKey()) : field.getKey());
                        throw e;
                    }
                }
            }
        }
    }
}
