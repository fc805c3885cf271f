package care.sciatica.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small Kustomize renderer, enough for deploy/k8s (there is no kustomize binary here): resources (files and
 * directories), configMap/secret generators, strategic-merge patches (as a deep merge; lists of named objects are
 * merged by name) and JSON 6902 patches with targets. Namespaces, labels and images are not rendered: they do not
 * change what the schemas check. Every problem (missing file, patch without target) is collected, not thrown.
 */
final class Kustomize {

    /** A rendered resource and the file it came from. */
    record Resource(ObjectNode body, String source) {
        String apiVersion() {
            return body.path("apiVersion").asText();
        }

        String kind() {
            return body.path("kind").asText();
        }

        String name() {
            return body.path("metadata").path("name").asText();
        }

        String id() {
            return kind() + "/" + name();
        }
    }

    final List<Resource> resources = new ArrayList<>();
    final List<String> problems = new ArrayList<>();
    /** Every file a kustomization refers to: resources, patches, generator sources. */
    final List<Path> referencedFiles = new ArrayList<>();

    static Kustomize render(Path directory) {
        Kustomize result = new Kustomize();
        result.load(directory);
        return result;
    }

    static JsonNode kustomization(Path directory) {
        return Repo.readYaml(directory.resolve("kustomization.yaml"));
    }

    private void load(Path directory) {
        Path file = directory.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            problems.add(Repo.rel(directory) + ": no kustomization.yaml");
            return;
        }
        JsonNode kustomization = Repo.readYaml(file);
        String where = Repo.rel(file);
        for (JsonNode entry : kustomization.path("resources")) {
            Path resource = directory.resolve(entry.asText()).normalize();
            if (Files.isDirectory(resource)) {
                load(resource);
            } else if (Files.isRegularFile(resource)) {
                referencedFiles.add(resource);
                for (JsonNode doc : Repo.readYamlDocuments(resource)) {
                    resources.add(new Resource((ObjectNode) doc, Repo.rel(resource)));
                }
            } else {
                problems.add(where + ": resource " + entry.asText() + " does not exist");
            }
        }
        generate(directory, kustomization.path("configMapGenerator"), "ConfigMap", where);
        generate(directory, kustomization.path("secretGenerator"), "Secret", where);
        for (JsonNode patch : kustomization.path("patches")) {
            applyPatch(directory, patch, where);
        }
        for (String unsupported : List.of("patchesStrategicMerge", "patchesJson6902", "bases", "commonLabels")) {
            if (kustomization.has(unsupported)) {
                problems.add(where + ": deprecated field " + unsupported);
            }
        }
    }

    private void generate(Path directory, JsonNode generators, String kind, String where) {
        for (JsonNode generator : generators) {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.put("apiVersion", "v1");
            body.put("kind", kind);
            body.putObject("metadata").put("name", generator.path("name").asText());
            if (generator.has("type")) {
                body.put("type", generator.path("type").asText());
            }
            ObjectNode data = body.putObject(kind.equals("Secret") ? "stringData" : "data");
            for (JsonNode literal : generator.path("literals")) {
                String[] pair = literal.asText().split("=", 2);
                data.put(pair[0], pair.length > 1 ? pair[1] : "");
            }
            for (JsonNode entry : generator.path("files")) {
                String[] pair = entry.asText().split("=", 2);
                Path source = directory.resolve(pair[pair.length - 1]).normalize();
                if (!Files.isRegularFile(source)) {
                    problems.add(where + ": generator file " + entry.asText() + " does not exist");
                    continue;
                }
                referencedFiles.add(source);
                try {
                    data.put(pair.length > 1 ? pair[0] : source.getFileName().toString(), Files.readString(source));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            resources.add(new Resource(body, where + " (" + kind.toLowerCase() + " generator)"));
        }
    }

    private void applyPatch(Path directory, JsonNode patch, String where) {
        if (!patch.has("path")) {
            problems.add(where + ": only file patches are used here: " + patch);
            return;
        }
        Path file = directory.resolve(patch.path("path").asText()).normalize();
        if (!Files.isRegularFile(file)) {
            problems.add(where + ": patch " + patch.path("path").asText() + " does not exist");
            return;
        }
        referencedFiles.add(file);
        JsonNode body = Repo.readYaml(file);
        JsonNode target = patch.path("target");
        if (body.isArray()) {
            if (target.isMissingNode()) {
                problems.add(where + ": JSON 6902 patch " + Repo.rel(file) + " without target");
                return;
            }
            List<Resource> matches = resources.stream().filter(r -> matches(r, target)).toList();
            if (matches.isEmpty()) {
                problems.add(where + ": patch " + Repo.rel(file) + " targets nothing (" + target + ")");
            }
            for (Resource resource : matches) {
                for (JsonNode operation : body) {
                    String error = JsonPatch.apply(resource.body(), operation);
                    if (error != null) {
                        problems.add(Repo.rel(file) + " on " + resource.id() + ": " + error);
                    }
                }
            }
        } else {
            Resource resource = resources.stream()
                    .filter(r -> r.kind().equals(body.path("kind").asText())
                            && r.apiVersion().equals(body.path("apiVersion").asText())
                            && r.name().equals(body.path("metadata").path("name").asText()))
                    .findFirst().orElse(null);
            if (resource == null) {
                problems.add(where + ": patch " + Repo.rel(file) + " targets " + body.path("apiVersion").asText() + " "
                        + body.path("kind").asText() + "/" + body.path("metadata").path("name").asText() + ", which is not in the base");
                return;
            }
            merge(resource.body(), (ObjectNode) body);
        }
    }

    private static boolean matches(Resource resource, JsonNode target) {
        String[] apiVersion = resource.apiVersion().contains("/")
                ? resource.apiVersion().split("/", 2) : new String[] {"", resource.apiVersion()};
        if (target.has("group") && !target.path("group").asText().equals(apiVersion[0])) {
            return false;
        }
        if (target.has("version") && !target.path("version").asText().equals(apiVersion[1])) {
            return false;
        }
        if (target.has("kind") && !target.path("kind").asText().equals(resource.kind())) {
            return false;
        }
        if (target.has("name") && !resource.name().matches(target.path("name").asText())) {
            return false;
        }
        if (target.has("labelSelector")) {
            for (String requirement : target.path("labelSelector").asText().split(",")) {
                String[] pair = requirement.trim().split("=", 2);
                if (!resource.body().path("metadata").path("labels").path(pair[0]).asText("\u0000").equals(pair[1])) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Strategic merge, simplified: objects merge recursively, lists of objects with a name merge by name. */
    static void merge(ObjectNode target, ObjectNode patch) {
        for (Map.Entry<String, JsonNode> field : Repo.iterable(patch.fields())) {
            JsonNode existing = target.get(field.getKey());
            JsonNode value = field.getValue();
            if (existing instanceof ObjectNode existingObject && value instanceof ObjectNode valueObject) {
                merge(existingObject, valueObject);
            } else if (existing instanceof ArrayNode existingArray && value instanceof ArrayNode valueArray
                    && isNamedList(existingArray) && isNamedList(valueArray)) {
                for (JsonNode item : valueArray) {
                    ObjectNode same = null;
                    for (JsonNode old : existingArray) {
                        if (old.path("name").equals(item.path("name"))) {
                            same = (ObjectNode) old;
                        }
                    }
                    if (same != null) {
                        merge(same, (ObjectNode) item);
                    } else {
                        existingArray.add(item.deepCopy());
                    }
                }
            } else {
                target.set(field.getKey(), value.deepCopy());
            }
        }
    }

    private static boolean isNamedList(ArrayNode array) {
        if (array.isEmpty()) {
            return false;
        }
        for (JsonNode item : array) {
            if (!item.isObject() || !item.has("name")) {
                return false;
            }
        }
        return true;
    }

    /** The JSON 6902 operations deploy/k8s uses: add, replace, remove. */
    static final class JsonPatch {
        private JsonPatch() {
        }

        static String apply(ObjectNode document, JsonNode operation) {
            String op = operation.path("op").asText();
            String path = operation.path("path").asText();
            String[] tokens = path.substring(1).split("/");
            JsonNode parent = document;
            for (int i = 0; i < tokens.length - 1; i++) {
                parent = parent.path(unescape(tokens[i]));
            }
            String last = unescape(tokens[tokens.length - 1]);
            if (!(parent instanceof ObjectNode object)) {
                return op + " " + path + ": parent does not exist";
            }
            switch (op) {
                case "add" -> object.set(last, operation.path("value").deepCopy());
                case "replace" -> {
                    if (!object.has(last)) {
                        return "replace " + path + ": nothing to replace";
                    }
                    object.set(last, operation.path("value").deepCopy());
                }
                case "remove" -> {
                    if (object.remove(last) == null) {
                        return "remove " + path + ": nothing to remove";
                    }
                }
                default -> {
                    return "unsupported op " + op;
                }
            }
            return null;
        }

        private static String unescape(String token) {
            return token.replace("~1", "/").replace("~0", "~");
        }
    }
}
