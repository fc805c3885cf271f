package care.sciatica.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Judges a schema against the copy that was released: the only compatible change is a new optional property (or a new
 * shared definition for one). Removing or retyping a property, changing a code list or a limit, or making an optional
 * property required breaks consumers that already run, so it needs a new version instead.
 */
final class SchemaCompatibility {

    /** Words that explain a schema without constraining data; rewording them is always compatible. */
    private static final Set<String> ANNOTATIONS = Set.of("title", "description", "$comment", "examples");

    private SchemaCompatibility() {
    }

    /** Every incompatible difference between the released schema and the current one, by JSON pointer; empty if none. */
    static List<String> breakingChanges(JsonNode released, JsonNode current) {
        List<String> changes = new ArrayList<>();
        compare("", released, current, Set.of(), changes);
        return changes;
    }

    /** {@code requiredAbove}: the required names of the object schema whose {@code properties} this may be. */
    private static void compare(String at, JsonNode released, JsonNode current, Set<String> requiredAbove,
                                List<String> changes) {
        if (released.isObject() && current.isObject()) {
            compareObjects(at, released, current, requiredAbove, changes);
        } else if (released.isArray() && current.isArray() && released.size() == current.size()) {
            for (int i = 0; i < released.size(); i++) {
                compare(at + "/" + i, released.get(i), current.get(i), Set.of(), changes);
            }
        } else if (!released.equals(current)) {
            changes.add(at + ": was " + released + ", is " + current);
        }
    }

    private static void compareObjects(String at, JsonNode released, JsonNode current, Set<String> requiredAbove,
                                       List<String> changes) {
        Set<String> required = names(current.path("required"));
        for (Map.Entry<String, JsonNode> keyword : entries(released)) {
            String name = keyword.getKey();
            if (ANNOTATIONS.contains(name)) {
                continue;
            }
            if (!current.has(name)) {
                changes.add(at + "/" + name + ": removed");
            } else if (name.equals("required") && current.get(name).isArray()) {
                Set<String> wasRequired = names(keyword.getValue());
                if (!wasRequired.equals(required)) {
                    changes.add(at + "/required: was " + wasRequired + ", is " + required);
                }
            } else {
                compare(at + "/" + name, keyword.getValue(), current.get(name), required, changes);
            }
        }
        for (Map.Entry<String, JsonNode> keyword : entries(current)) {
            String name = keyword.getKey();
            if (!ANNOTATIONS.contains(name) && !released.has(name) && !mayBeAdded(at, name, requiredAbove)) {
                changes.add(at + "/" + name + ": added " + keyword.getValue());
            }
        }
    }

    /** A new entry of {@code properties} may be added if it is not required; a new {@code $defs} entry always. */
    private static boolean mayBeAdded(String at, String name, Set<String> requiredAbove) {
        return at.endsWith("/$defs") || at.endsWith("/properties") && !requiredAbove.contains(name);
    }

    private static Iterable<Map.Entry<String, JsonNode>> entries(JsonNode node) {
        return node::fields;
    }

    private static Set<String> names(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).collect(Collectors.toSet());
    }
}
