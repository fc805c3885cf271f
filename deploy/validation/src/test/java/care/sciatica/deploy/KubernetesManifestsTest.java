package care.sciatica.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * deploy/k8s: every kustomization's files exist and its patches hit something; every resource of the base and of
 * the rendered overlays is valid against its published schema: Kubernetes and Strimzi kinds via {@link Schemas},
 * CloudNativePG kinds via {@link CloudNativePg}.
 */
class KubernetesManifestsTest {

    private static final Path K8S = Repo.path("deploy/k8s");
    private static final List<String> SERVICES =
            List.of("intake-service", "assessment-service", "session-service", "followup-service");

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void kustomizationsReferOnlyToExistingFilesAndPatchesHitTheirTargets(String tree) {
        Kustomize rendered = Kustomize.render(K8S.resolve(tree));
        assertEquals(List.of(), rendered.problems);
        assertTrue(rendered.resources.size() > 30, tree + " renders the whole platform");
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void everyRenderedResourceMatchesItsSchema(String tree) {
        Map<String, List<String>> errors = new TreeMap<>();
        for (Kustomize.Resource resource : Kustomize.render(K8S.resolve(tree)).resources) {
            List<String> problems = validate(resource.body());
            if (!problems.isEmpty()) {
                errors.put(resource.source() + " " + resource.id(), problems);
            }
        }
        assertEquals(Map.of(), errors, tree);
    }

    @Test
    void everyYamlFileUnderK8sIsUsedAndEveryResourceFileIsValidOnItsOwn() throws IOException {
        Set<Path> used = new TreeSet<>();
        for (String tree : List.of("base", "overlays/dev", "overlays/prod")) {
            used.addAll(Kustomize.render(K8S.resolve(tree)).referencedFiles);
        }
        List<String> unused = new ArrayList<>();
        Map<String, List<String>> errors = new TreeMap<>();
        try (Stream<Path> files = Files.walk(K8S)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                if (file.getFileName().toString().equals("kustomization.yaml")) {
                    continue;
                }
                if (!used.contains(file.normalize())) {
                    unused.add(Repo.rel(file));
                }
                // Resource files (not patches) must be complete resources valid by themselves.
                if (file.toString().contains("/base/") || file.getFileName().toString().equals("namespace.yaml")) {
                    for (JsonNode doc : Repo.readYamlDocuments(file)) {
                        List<String> problems = validate(doc);
                        if (!problems.isEmpty()) {
                            errors.put(Repo.rel(file) + " " + doc.path("kind").asText() + "/" + doc.path("metadata").path("name").asText(), problems);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), unused, "YAML files no kustomization refers to");
        assertEquals(Map.of(), errors);
    }

    @Test
    void theDevRealmIsACopyOfTheRealmExport() throws IOException {
        assertEquals(Files.readString(Repo.path("deploy/keycloak/clinic-realm.json")),
                Files.readString(K8S.resolve("overlays/dev/clinic-realm.json")),
                "overlays/dev/clinic-realm.json must stay identical to deploy/keycloak/clinic-realm.json");
    }

    @Test
    void secretValuesOnlyInTheDevOverlay() throws IOException {
        assertTrue(Kustomize.kustomization(K8S.resolve("overlays/prod")).path("secretGenerator").isMissingNode(),
                "prod must not generate Secrets");
        List<String> secretsInFiles = new ArrayList<>();
        try (Stream<Path> files = Files.walk(K8S)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                for (JsonNode doc : Repo.readYamlDocuments(file)) {
                    if (doc.path("kind").asText().equals("Secret")) {
                        secretsInFiles.add(Repo.rel(file));
                    }
                }
            }
        }
        assertEquals(List.of(), secretsInFiles, "Secrets are generated (dev) or provided (prod), never files");
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void everyReferencedConfigMapAndSecretIsProvided(String tree) throws IOException {
        Kustomize rendered = Kustomize.render(K8S.resolve(tree));
        Set<String> provided = new TreeSet<>();
        rendered.resources.forEach(r -> provided.add(r.kind() + "/" + r.name()));
        String prodNotes = Files.readString(K8S.resolve("overlays/prod/kustomization.yaml"));
        List<String> missing = new ArrayList<>();
        for (Kustomize.Resource resource : rendered.resources) {
            JsonNode body = resource.body();
            for (JsonNode ref : body.findValues("secretKeyRef")) {
                check("Secret/" + ref.path("name").asText(), ref, provided, tree, prodNotes, missing, resource);
            }
            for (JsonNode ref : body.findValues("configMapRef")) {
                check("ConfigMap/" + ref.path("name").asText(), ref, provided, tree, prodNotes, missing, resource);
            }
            for (JsonNode ref : body.findValues("configMap")) {
                check("ConfigMap/" + ref.path("name").asText(), ref, provided, tree, prodNotes, missing, resource);
            }
            if (resource.kind().equals("Cluster")) {
                JsonNode initdb = body.path("spec").path("bootstrap").path("initdb");
                check("Secret/" + initdb.path("secret").path("name").asText(), initdb, provided, tree, prodNotes, missing, resource);
                for (JsonNode role : body.path("spec").path("managed").path("roles")) {
                    check("Secret/" + role.path("passwordSecret").path("name").asText(), role, provided, tree, prodNotes, missing, resource);
                }
            }
        }
        assertEquals(List.of(), missing, tree);
    }

    private static void check(String id, JsonNode ref, Set<String> provided, String tree, String prodNotes,
                              List<String> missing, Kustomize.Resource from) {
        if (ref.path("optional").asBoolean(false) || provided.contains(id)) {
            return;
        }
        // In prod, Secrets come from outside the repository: they must at least be documented in the overlay.
        if (tree.endsWith("prod") && id.startsWith("Secret/") && prodNotes.contains(id.substring("Secret/".length()))) {
            return;
        }
        missing.add(from.id() + " needs " + id);
    }

    @Test
    void prodReplicatesKafkaThreeTimesWithMinInsyncTwo() {
        Kustomize prod = Kustomize.render(K8S.resolve("overlays/prod"));
        Kustomize dev = Kustomize.render(K8S.resolve("overlays/dev"));
        for (Kustomize.Resource topic : prod.resources.stream().filter(r -> r.kind().equals("KafkaTopic")).toList()) {
            assertEquals(3, topic.body().path("spec").path("replicas").asInt(), topic.id());
            assertEquals(2, topic.body().path("spec").path("config").path("min.insync.replicas").asInt(), topic.id());
        }
        for (Kustomize.Resource topic : dev.resources.stream().filter(r -> r.kind().equals("KafkaTopic")).toList()) {
            assertEquals(1, topic.body().path("spec").path("replicas").asInt(), topic.id());
            assertEquals(1, topic.body().path("spec").path("config").path("min.insync.replicas").asInt(), topic.id());
        }
        // The four event topics and the four dead-letter topics.
        assertEquals(8, prod.resources.stream().filter(r -> r.kind().equals("KafkaTopic")).count());
        assertEquals(3, prod.resources.stream().filter(r -> r.kind().equals("KafkaNodePool"))
                .findFirst().orElseThrow().body().path("spec").path("replicas").asInt());
    }

    @Test
    void everyServiceHasProbesLimitsAndItsCompanions() {
        Kustomize base = Kustomize.render(K8S.resolve("base"));
        for (String service : java.util.stream.Stream.concat(SERVICES.stream(), Stream.of("clinic-console")).toList()) {
            JsonNode container = find(base, "Deployment", service).path("spec").path("template").path("spec").path("containers").get(0);
            assertEquals("/q/health/ready", container.path("readinessProbe").path("httpGet").path("path").asText(), service);
            assertEquals("/q/health/live", container.path("livenessProbe").path("httpGet").path("path").asText(), service);
            assertEquals("384Mi", container.path("resources").path("limits").path("memory").asText(), service);
            assertTrue(container.path("resources").path("requests").has("memory"), service);
            for (String kind : List.of("Service", "ServiceAccount", "HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy", "ConfigMap")) {
                String name = kind.equals("ConfigMap") ? service + "-config" : service;
                assertTrue(!find(base, kind, name).isMissingNode(), service + ": " + kind);
            }
        }
    }

    /**
     * What the fault-injection and two-replica system tests proved, said the same way here: a killed container that
     * restarts in its pod rejoins its consumer groups as the same static member (the pod's name as instance id), and a
     * stopping pod has more grace than the service's own shutdown timeout, so in-flight requests and events finish.
     */
    @Test
    void everyServiceRestartsAsTheSameConsumerAndDrainsBeforeItIsKilled() throws IOException {
        Properties platform = new Properties();
        try (var in = Files.newBufferedReader(Repo.path("platform/src/main/resources/META-INF/microprofile-config.properties"))) {
            platform.load(in);
        }
        long shutdownSeconds = java.time.Duration.parse("PT" + platform.getProperty("quarkus.shutdown.timeout")).toSeconds();
        assertTrue(Integer.parseInt(platform.getProperty("mp.messaging.connector.smallrye-kafka.session.timeout.ms")) <= 10_000);
        Kustomize prod = Kustomize.render(K8S.resolve("overlays/prod"));
        for (String service : SERVICES) {
            JsonNode pod = find(prod, "Deployment", service).path("spec").path("template").path("spec");
            assertTrue(pod.path("terminationGracePeriodSeconds").asLong() > shutdownSeconds, service);
            boolean instanceIsPodName = false;
            for (JsonNode env : pod.path("containers").get(0).path("env")) {
                instanceIsPodName |= env.path("name").asText().equals("SCIATICA_INSTANCE_ID")
                        && env.path("valueFrom").path("fieldRef").path("fieldPath").asText().equals("metadata.name");
            }
            assertTrue(instanceIsPodName, service + ": SCIATICA_INSTANCE_ID from the pod's name");
            // One pod at a time may be drained; prod keeps at least two replicas, so one always serves.
            assertEquals(1, find(prod, "PodDisruptionBudget", service).path("spec").path("maxUnavailable").asInt(), service);
            assertTrue(find(prod, "HorizontalPodAutoscaler", service).path("spec").path("minReplicas").asInt() >= 2, service);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void theConsoleTakesItsClientSecretFromASecretAndMayCallTheServices(String tree) {
        Kustomize rendered = Kustomize.render(K8S.resolve(tree));
        JsonNode container = find(rendered, "Deployment", "clinic-console").path("spec").path("template").path("spec")
                .path("containers").get(0);
        JsonNode secret = container.path("env").findParents("name").stream()
                .filter(env -> env.path("name").asText().equals("CLINIC_CONSOLE_CLIENT_SECRET")).findFirst().orElseThrow();
        assertEquals("clinic-console-oidc", secret.at("/valueFrom/secretKeyRef/name").asText(), tree);
        assertEquals("", secret.path("value").asText(), tree + ": the secret's value is never inline");
        // The dev overlay generates its demo Secret; production expects it to exist already.
        assertEquals(tree.endsWith("dev"), !find(rendered, "Secret", "clinic-console-oidc").isMissingNode(), tree);
        assertEquals("true", find(rendered, "ConfigMap", "clinic-console-config").path("data")
                .path("QUARKUS_OIDC_AUTHENTICATION_COOKIE_FORCE_SECURE").asText(), tree);
        for (String service : SERVICES) {
            boolean fromConsole = find(rendered, "NetworkPolicy", service).path("spec").path("ingress")
                    .findValues("podSelector").stream().anyMatch(selector -> selector.path("matchLabels").equals(
                            Repo.JSON.createObjectNode().put("app.kubernetes.io/name", "clinic-console")));
            assertTrue(fromConsole, tree + ": the console may not call " + service);
        }
    }

    @ParameterizedTest
    @CsvSource({"base, true", "overlays/dev, true", "overlays/prod, false"})
    void tracingIsSwitchedOnOnlyInProdAndTheServicesMayReachTheCollector(String tree, String sdkDisabled) {
        Kustomize rendered = Kustomize.render(K8S.resolve(tree));
        JsonNode common = find(rendered, "ConfigMap", "sciatica-common").path("data");
        assertEquals(sdkDisabled, common.path("QUARKUS_OTEL_SDK_DISABLED").asText(), tree);
        assertEquals("http://otel-collector:4317", common.path("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT").asText(), tree);
        for (String service : SERVICES) {
            boolean toCollector = false;
            for (JsonNode rule : find(rendered, "NetworkPolicy", service).path("spec").path("egress")) {
                boolean collectorPods = rule.path("to").findValues("podSelector").stream()
                        .anyMatch(selector -> selector.path("matchLabels").equals(
                                Repo.JSON.createObjectNode().put("app.kubernetes.io/name", "otel-collector")));
                boolean otlpPort = rule.path("ports").findValues("port").stream().anyMatch(port -> port.asInt() == 4317);
                toCollector |= collectorPods && otlpPort;
            }
            assertTrue(toCollector, tree + ": " + service + " may not send traces to otel-collector:4317");
        }
    }

    private static JsonNode find(Kustomize rendered, String kind, String name) {
        return rendered.resources.stream().filter(r -> r.kind().equals(kind) && r.name().equals(name))
                .map(r -> (JsonNode) r.body()).findFirst().orElse(com.fasterxml.jackson.databind.node.MissingNode.getInstance());
    }

    static List<String> validate(JsonNode resource) {
        String apiVersion = resource.path("apiVersion").asText();
        String kind = resource.path("kind").asText();
        List<String> problems = new ArrayList<>();
        if (apiVersion.isEmpty() || kind.isEmpty() || resource.path("metadata").path("name").asText().isEmpty()) {
            problems.add("apiVersion, kind and metadata.name are required");
            return problems;
        }
        if (apiVersion.equals(CloudNativePg.API_VERSION)) {
            return CloudNativePg.validate(resource);
        }
        JsonSchema schema = Schemas.forKind(apiVersion, kind);
        if (schema == null) {
            problems.add("no schema known for " + apiVersion + " " + kind);
            return problems;
        }
        return Repo.validate(schema, resource);
    }
}
