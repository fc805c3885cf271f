package care.sciatica.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Shared helpers: where the repository is, YAML reading, schema validation. */
final class Repo {

    static final YAMLMapper YAML = new YAMLMapper();
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path ROOT = findRoot();
    /** Where the build installs src/test/npm with `npm ci`: the schemas and validators published only on npm. */
    static final Path NPM = Path.of(System.getProperty("npm.dir", "target/npm"));

    private Repo() {
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("deploy"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("Repository root (with mvnw and deploy/) not found above " + Path.of("").toAbsolutePath());
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    /** The installed npm package's directory, e.g. node_modules/dclint. */
    static Path npmPackage(String name) {
        Path dir = NPM.resolve("node_modules").resolve(name);
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(dir + " missing: run through Maven (`npm ci` installs src/test/npm)");
        }
        return dir;
    }

    static String rel(Path file) {
        return ROOT.relativize(file.toAbsolutePath().normalize()).toString();
    }

    /** Every YAML document of the file (a multi-document file gives several), empty documents skipped. */
    static List<JsonNode> readYamlDocuments(Path file) {
        try (var parser = new YAMLFactory().createParser(file.toFile())) {
            List<JsonNode> docs = new ArrayList<>();
            Iterator<JsonNode> it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    docs.add(doc);
                }
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot parse " + file, e);
        }
    }

    static JsonNode readYaml(Path file) {
        List<JsonNode> docs = readYamlDocuments(file);
        if (docs.size() != 1) {
            throw new IllegalStateException(file + ": expected one YAML document, found " + docs.size());
        }
        return docs.get(0);
    }

    static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot parse " + file, e);
        }
    }

    static JsonSchema schema(JsonNode schema, SpecVersion.VersionFlag version, boolean formatAssertions) {
        return JsonSchemaFactory.getInstance(version).getSchema(schema, config(formatAssertions));
    }

    /** A schema file as published: a relative {@code $id} in it resolves against the file's location. */
    static JsonSchema schema(Path file, SpecVersion.VersionFlag version, boolean formatAssertions) {
        return JsonSchemaFactory.getInstance(version)
                .getSchema(SchemaLocation.of(file.toUri().toString()), readJson(file), config(formatAssertions));
    }

    private static SchemaValidatorsConfig config(boolean formatAssertions) {
        return SchemaValidatorsConfig.builder().formatAssertionsEnabled(formatAssertions).build();
    }

    /** Validation messages as text, empty when valid. */
    static List<String> validate(JsonSchema schema, JsonNode document) {
        Set<ValidationMessage> messages = schema.validate(document);
        return messages.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.toList());
    }

    /**
     * Makes a schema strict the way {@code kubectl --validate=strict} / the API server's field validation is:
     * an object schema that lists its properties rejects any other property, unless it explicitly preserves
     * unknown fields (x-kubernetes-preserve-unknown-fields) or describes a map (additionalProperties is a schema).
     */
    static void makeStrict(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode properties = object.get("properties");
            JsonNode additional = object.get("additionalProperties");
            boolean preserves = object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
            if (properties instanceof ObjectNode props && !props.isEmpty() && !preserves
                    && (additional == null || (additional.isBoolean() && additional.asBoolean()))) {
                object.put("additionalProperties", false);
            }
            for (Map.Entry<String, JsonNode> field : iterable(object.fields())) {
                makeStrict(field.getValue());
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(Repo::makeStrict);
        }
    }

    static <T> Iterable<T> iterable(Iterator<T> iterator) {
        List<T> list = new ArrayList<>();
        iterator.forEachRemaining(list::add);
        return list;
    }
}
