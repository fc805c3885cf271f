package care.sciatica.assessment.domain.rules;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.stream.Collectors;

/**
 * Reads the clinic's rule set from JSON and refuses a file the domain could misread: a missing or malformed version,
 * an unknown step, finding, origin or body site, a missing threshold, or a limit the protocol never allows.
 */
public final class RuleSetLoader {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private RuleSetLoader() {
    }

    /** Parses and validates a rule set; the reader is not closed. */
    public static RuleSet load(Reader json) {
        RuleSet rules;
        try {
            rules = MAPPER.readValue(json, RuleSet.class);
        } catch (JsonMappingException e) {
            throw new InvalidRuleSetException("Rule set invalid at " + path(e) + ": " + e.getOriginalMessage(), e);
        } catch (JacksonException e) {
            throw new InvalidRuleSetException("Rule set is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the rule set", e);
        }
        if (rules == null) {
            throw new InvalidRuleSetException("Rule set is empty");
        }
        RuleSetValidation.validate(rules);
        return rules;
    }

    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining());
        return path.isEmpty() ? "$" : "$" + path;
    }
}
