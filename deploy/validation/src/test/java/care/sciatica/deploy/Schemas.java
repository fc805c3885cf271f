package care.sciatica.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.SpecVersion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The schemas resources are checked against, all from Maven Central:
 * <ul>
 * <li>Kubernetes built-in kinds: the JSON schemas embedded in the Fabric8 model jars 6.13.5
 *     ({@code schema/validation-schema.json} of kubernetes-model-core/apps/autoscaling/policy/networking), unpacked
 *     by the build into target/k8s-schemas. Fabric8 describes two wire types by their Java shape, so
 *     {@code Quantity} and {@code IntOrString} are replaced by their wire forms (string or number), and the schema
 *     is made strict (unknown fields are errors, as with kubectl's strict field validation).</li>
 * <li>Strimzi kinds: the CRDs Strimzi publishes are generated from its API classes by its CRD generator; the tests
 *     run that generator (io.strimzi:crd-generator with io.strimzi:api, both 1.2.0) exactly as Strimzi's build does
 *     and validate against each CRD's {@code openAPIV3Schema} for the resource's version.</li>
 * </ul>
 */
final class Schemas {

    private static final String DRAFT_7 = "http://json-schema.org/draft-07/schema#";
    private static final Map<String, String> STRIMZI_CLASSES = Map.of(
            "Kafka", "io.strimzi.api.kafka.model.kafka.Kafka",
            "KafkaNodePool", "io.strimzi.api.kafka.model.nodepool.KafkaNodePool",
            "KafkaTopic", "io.strimzi.api.kafka.model.topic.KafkaTopic");

    private static ObjectNode fabric8Definitions;
    private static final Map<String, String> FABRIC8_KINDS = new HashMap<>();
    private static final Map<String, JsonSchema> CACHE = new HashMap<>();

    private Schemas() {
    }

    /** The schema for apiVersion/kind, or null if none is known. */
    static synchronized JsonSchema forKind(String apiVersion, String kind) {
        String key = apiVersion + " " + kind;
        if (CACHE.containsKey(key)) {
            return CACHE.get(key);
        }
        JsonSchema schema = null;
        if (apiVersion.startsWith("kafka.strimzi.io/")) {
            schema = strimzi(apiVersion, kind);
        } else {
            loadFabric8();
            String definition = FABRIC8_KINDS.get(key);
            if (definition != null) {
                ObjectNode root = JsonNodeFactory.instance.objectNode();
                root.put("$schema", DRAFT_7);
                root.set("definitions", fabric8Definitions);
                root.putArray("allOf").addObject().put("$ref", "#/definitions/" + definition);
                schema = Repo.schema(root, SpecVersion.VersionFlag.V7, true);
            }
        }
        CACHE.put(key, schema);
        return schema;
    }

    private static void loadFabric8() {
        if (fabric8Definitions != null) {
            return;
        }
        Path dir = Path.of(System.getProperty("k8s.schema.dir", "target/k8s-schemas"));
        ObjectNode definitions = JsonNodeFactory.instance.objectNode();
        for (String module : List.of("core", "apps", "autoscaling", "policy", "networking")) {
            Path file = dir.resolve(module).resolve("schema/validation-schema.json");
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException(file + " missing: run through Maven (the dependency plugin unpacks it)");
            }
            definitions.setAll((ObjectNode) Repo.readJson(file).path("definitions"));
        }
        for (Map.Entry<String, JsonNode> definition : Repo.iterable(definitions.fields())) {
            ObjectNode body = (ObjectNode) definition.getValue();
            JsonNode properties = body.path("properties");
            if (properties.path("apiVersion").has("default") && properties.path("kind").has("default")) {
                FABRIC8_KINDS.putIfAbsent(properties.path("apiVersion").path("default").asText() + " "
                        + properties.path("kind").path("default").asText(), definition.getKey());
            }
            removeDraft3Required(body);
        }
        ObjectNode quantity = JsonNodeFactory.instance.objectNode();
        quantity.putArray("type").add("string").add("number");
        definitions.set("k8s_io_apimachinery_pkg_api_resource_Quantity", quantity);
        ObjectNode intOrString = JsonNodeFactory.instance.objectNode();
        intOrString.putArray("type").add("string").add("integer");
        definitions.set("kubernetes_apimachinery_pkg_util_intstr_IntOrString", intOrString);
        Repo.makeStrict(definitions);
        fabric8Definitions = definitions;
    }

    /** Fabric8 marks apiVersion/kind with draft-3 style "required": true inside the property; drop it. */
    private static void removeDraft3Required(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.path("required").isBoolean()) {
                object.remove("required");
            }
            object.forEach(Schemas::removeDraft3Required);
        } else if (node != null && node.isArray()) {
            node.forEach(Schemas::removeDraft3Required);
        }
    }

    private static JsonSchema strimzi(String apiVersion, String kind) {
        String className = STRIMZI_CLASSES.get(kind);
        if (className == null) {
            return null;
        }
        Path crd = generateStrimziCrd(kind, className);
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        for (JsonNode crdVersion : Repo.readYaml(crd).path("spec").path("versions")) {
            if (crdVersion.path("name").asText().equals(version)) {
                if (!crdVersion.path("served").asBoolean()) {
                    throw new AssertionError(apiVersion + " " + kind + " is not served by Strimzi's CRD");
                }
                ObjectNode schema = crdVersion.path("schema").path("openAPIV3Schema").deepCopy();
                Repo.makeStrict(schema);
                schema.put("$schema", DRAFT_7);
                return Repo.schema(schema, SpecVersion.VersionFlag.V7, false);
            }
        }
        throw new AssertionError("Strimzi's " + kind + " CRD has no version " + version);
    }

    /** Runs Strimzi's CrdGenerator in a child JVM (its main exits the JVM) with the arguments of Strimzi's build. */
    private static Path generateStrimziCrd(String kind, String className) {
        Path out = Path.of(System.getProperty("crd.dir", "target/strimzi-crds")).resolve(kind + ".yaml");
        if (Files.isRegularFile(out)) {
            return out;
        }
        try {
            Files.createDirectories(out.getParent());
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                    "io.strimzi.crdgenerator.CrdGenerator",
                    "--target-kube", "1.16+", "--crd-api-version", "v1", "--api-versions", "v1",
                    "--storage-version", "v1", "--yaml", className + "=" + out)
                    .redirectErrorStream(true)
                    .redirectOutput(out.resolveSibling(kind + ".log").toFile())
                    .start();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0 || !Files.isRegularFile(out)) {
                process.destroyForcibly();
                throw new AssertionError("Strimzi CrdGenerator failed for " + kind + ": "
                        + Files.readString(out.resolveSibling(kind + ".log")));
            }
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
