package care.sciatica.intake.usecase;

import care.sciatica.contracts.EventSchemas;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewords the JSON Schema validator's messages as a front-desk person can act on them: the value sent and what is
 * allowed instead. A message it does not recognise is passed on unchanged.
 */
final class SchemaMessages {

    private static final Pattern ENUM = Pattern.compile("does not have a value in the enumeration \\[(.*)]");
    private static final Pattern MAXIMUM = Pattern.compile("must have a maximum value of (\\S+)");
    private static final Pattern MINIMUM = Pattern.compile("must have a minimum value of (\\S+)");
    private static final Pattern TYPE = Pattern.compile("(\\w+) found, (\\w+) expected");
    private static final Pattern MIN_ITEMS = Pattern.compile("must have at least (\\d+) items");
    private static final Map<String, String> TYPES = Map.of(
            "integer", "a whole number", "number", "a number", "string", "text", "boolean", "true or false",
            "object", "an object", "array", "a list", "null", "null");

    private SchemaMessages() {
    }

    /** The reason to show for {@code violation} of {@code root}, the JSON that was validated. */
    static String reason(EventSchemas.Violation violation, JsonNode root) {
        String message = violation.message();
        JsonNode value = valueAt(root, violation.path());
        Matcher matcher;
        if ((matcher = ENUM.matcher(message)).find()) {
            return "unknown value " + shown(value) + "; allowed: " + matcher.group(1).replace("\"", "");
        }
        if ((matcher = MAXIMUM.matcher(message)).find()) {
            return "must be at most " + matcher.group(1) + "; got " + shown(value);
        }
        if ((matcher = MINIMUM.matcher(message)).find()) {
            return "must be at least " + matcher.group(1) + "; got " + shown(value);
        }
        if ((matcher = TYPE.matcher(message)).find()) {
            return "expected " + TYPES.getOrDefault(matcher.group(2), matcher.group(2)) + "; got " + shown(value);
        }
        if ((matcher = MIN_ITEMS.matcher(message)).find()) {
            return "must list at least " + matcher.group(1) + (matcher.group(1).equals("1") ? " value" : " values");
        }
        if (message.contains("required property")) {
            return violation.path().startsWith("redFlags.")
                    ? "is required: every red-flag question is answered YES, NO or NOT_ASKED"
                    : "is required";
        }
        if (message.contains("does not allow additional properties")) {
            return "unknown field";
        }
        if (message.contains("does not match the date pattern")) {
            return shown(value) + " is not a date; write it as YYYY-MM-DD";
        }
        if (message.contains("must have only unique items")) {
            return "lists the same value more than once";
        }
        return message;
    }

    /** The value at a violation's path ("pain.distribution[0]"), or a missing node. */
    static JsonNode valueAt(JsonNode root, String path) {
        if ("$".equals(path)) {
            return root;
        }
        JsonNode node = root;
        for (String step : path.replace("[", ".[").split("\\.")) {
            if (step.isEmpty()) {
                continue;
            }
            node = step.startsWith("[")
                    ? node.path(Integer.parseInt(step.substring(1, step.length() - 1)))
                    : node.path(step);
        }
        return node == null ? MissingNode.getInstance() : node;
    }

    private static String shown(JsonNode value) {
        if (value.isTextual()) {
            return "'" + value.asText() + "'";
        }
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "a list";
        }
        return value.isMissingNode() ? "nothing" : value.toString();
    }
}
