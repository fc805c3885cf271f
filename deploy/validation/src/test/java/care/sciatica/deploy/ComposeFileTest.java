package care.sciatica.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docker-compose.yml against the Compose Specification JSON schema (compose-spec/schema/compose-spec.json, draft-07),
 * as published on npm inside dclint 3.1.0 ({@code schemas/compose.schema.json}, installed by the build with
 * {@code npm ci}), plus the start-up order rules: a health check on every service and a condition on every
 * depends_on.
 */
class ComposeFileTest {

    private static final List<String> SERVICES =
            List.of("intake-service", "assessment-service", "session-service", "followup-service");
    private static final Set<String> CONDITIONS =
            Set.of("service_healthy", "service_completed_successfully", "service_started");

    private final JsonNode compose = Repo.readYaml(Repo.path("docker-compose.yml"));

    @Test
    void matchesTheComposeSpecificationSchema() {
        assertEquals(List.of(), Repo.validate(composeSpecification(), compose),
                "docker-compose.yml violates the Compose specification");
    }

    /** The schema is strict enough to matter: each mistake is reported at its place. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/services/postgres       | helthcheck | {}             | /services/postgres: property 'helthcheck' is not "
                    + "defined in the schema and the schema does not allow additional properties",
            "/services/intake-service | mem_limit  | {\"size\": 384} | /services/intake-service/mem_limit: object found, "
                    + "[number, string] expected",
            "/services/kafka-init     | restart    | [\"no\"]       | /services/kafka-init/restart: array found, string expected",
            "/services/grafana/depends_on/prometheus | condition | \"service_ready\" | /services/grafana/depends_on/"
                    + "prometheus/condition: does not have a value in the enumeration [\"service_started\", "
                    + "\"service_healthy\", \"service_completed_successfully\"]",
            "''                       | name       | 42             | /name: integer found, string expected"})
    void theSchemaRejectsAMistake(String at, String field, String json, String problem) throws Exception {
        JsonNode broken = compose.deepCopy();
        ((ObjectNode) broken.at(at)).set(field, Repo.JSON.readTree(json));
        List<String> problems = Repo.validate(composeSpecification(), broken);
        assertTrue(problems.contains(problem), problems.toString());
    }

    private static JsonSchema composeSpecification() {
        // Compose durations ("10s") are Go durations, not the ISO 8601 durations of JSON Schema's "duration"
        // format, so formats stay annotations.
        return Repo.schema(Repo.npmPackage("dclint").resolve("schemas/compose.schema.json"), SpecVersion.VersionFlag.V7, false);
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
                // Without the profile, `docker compose up` does not start the dependency and refuses the dependent.
                if (services.path(dependency.getKey()).has("profiles") && !service.getValue().has("profiles")) {
                    problems.add(what + ": depends on a service that starts only with a profile");
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
    void tracingIsOffUnlessSwitchedOnAndJaegerStartsOnlyWithItsProfile() {
        for (String name : SERVICES) {
            JsonNode environment = compose.path("services").path(name).path("environment");
            assertEquals("${SCIATICA_TRACING_DISABLED:-true}", environment.path("QUARKUS_OTEL_SDK_DISABLED").asText(), name);
            assertEquals("http://jaeger:4317", environment.path("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT").asText(), name);
        }
        JsonNode jaeger = compose.path("services").path("jaeger");
        assertEquals(List.of("tracing"), Repo.JSON.convertValue(jaeger.path("profiles"), List.class));
        assertEquals(List.of("16686:16686", "4317:4317"), Repo.JSON.convertValue(jaeger.path("ports"), List.class));
    }

    @Test
    void theServicesAreBuiltFromTheirJvmDockerfiles() {
        for (String name : SERVICES) {
            JsonNode build = compose.path("services").path(name).path("build");
            assertEquals("./" + name, build.path("context").asText(), name);
            assertEquals("src/main/docker/Dockerfile.jvm", build.path("dockerfile").asText(), name);
            assertTrue(Repo.path(name + "/src/main/docker/Dockerfile.jvm").toFile().isFile(), name + ": Dockerfile.jvm");
        }
    }

    @Test
    void theConsoleIsBuiltLikeTheServicesWaitsForThemAndHasOnlyADemoSecretByDefault() {
        JsonNode console = compose.path("services").path("clinic-console");
        assertEquals("./clinic-console", console.path("build").path("context").asText());
        assertTrue(Repo.path("clinic-console/src/main/docker/Dockerfile.jvm").toFile().isFile());
        JsonNode environment = console.path("environment");
        assertEquals("${CLINIC_CONSOLE_CLIENT_SECRET:-clinic-console-secret-dev-only}",
                environment.path("CLINIC_CONSOLE_CLIENT_SECRET").asText());
        assertTrue(environment.path("QUARKUS_DATASOURCE_JDBC_URL").isMissingNode(), "the console owns no database");
        for (String name : SERVICES) {
            String key = name.replace("-service", "").toUpperCase();
            assertTrue(environment.path("QUARKUS_REST_CLIENT_" + key + "_URL").asText().startsWith("http://" + name + ":"),
                    name);
            assertEquals("service_healthy", console.path("depends_on").path(name).path("condition").asText(), name);
        }
    }
}
