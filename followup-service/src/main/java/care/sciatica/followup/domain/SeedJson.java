package care.sciatica.followup.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Reads the follow-up seed documents (scheduling policy, sites) strictly: unknown fields and missing numbers are errors,
 * so a typo in a policy file fails at load time instead of silently falling back to a default.
 */
public final class SeedJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    private SeedJson() {
    }

    /** Binds the whole document to {@code type}; any syntax or shape error becomes an {@link InvalidSeedData}. */
    public static <T> T read(Reader reader, Class<T> type, String document) {
        try {
            T value = MAPPER.readValue(reader, type);
            if (value == null) {
                throw new InvalidSeedData(document, List.of("the document is empty"));
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new InvalidSeedData(document, List.of(e.getOriginalMessage() + " at " + location(e)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "?" : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }
}
