package care.sciatica.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The validators are not vacuous: each accepts a real resource and rejects the same resource with a mistake. */
class SchemasRejectMistakesTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "base/services/intake-service/deployment.yaml|/spec|replica",
            "base/services/intake-service/hpa.yaml|/spec|minReplica",
            "base/services/intake-service/pdb.yaml|/spec|maxUnavailabe",
            "base/services/intake-service/networkpolicy.yaml|/spec|podSelectr",
            "base/kafka/kafka.yaml|/spec/kafka|listener",
            "base/kafka/node-pool.yaml|/spec|replica",
            "base/postgres/cluster.yaml|/spec|instance"})
    void anUnknownFieldIsRejected(String testCase) {
        String[] parts = testCase.split("\\|");
        JsonNode resource = Repo.readYamlDocuments(Path.of("").resolve(Repo.path("deploy/k8s/" + parts[0]))).get(0);
        assertTrue(KubernetesManifestsTest.validate(resource).isEmpty(), parts[0] + " is valid as written");
        ((com.fasterxml.jackson.databind.node.ObjectNode) resource.at(parts[1])).put(parts[2], 1);
        assertFalse(KubernetesManifestsTest.validate(resource).isEmpty(), parts[0] + " with " + parts[1] + "/" + parts[2]);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "base/services/intake-service/deployment.yaml|/spec|replicas",
            "base/kafka/topics.yaml|/spec|partitions"})
    void aWrongTypeIsRejected(String testCase) {
        String[] parts = testCase.split("\\|");
        JsonNode resource = Repo.readYamlDocuments(Repo.path("deploy/k8s/" + parts[0])).get(0);
        ((com.fasterxml.jackson.databind.node.ObjectNode) resource.at(parts[1])).put(parts[2], "three");
        assertFalse(KubernetesManifestsTest.validate(resource).isEmpty(), parts[0] + " with a string " + parts[2]);
    }
}
