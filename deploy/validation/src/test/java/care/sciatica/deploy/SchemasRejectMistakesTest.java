package care.sciatica.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
            "base/postgres/cluster.yaml|/spec|instance",
            "base/postgres/cluster.yaml|/spec/storage|sise",
            "base/postgres/databases.yaml|/spec|owners"})
    void anUnknownFieldIsRejected(String testCase) {
        String[] parts = testCase.split("\\|");
        JsonNode resource = Repo.readYamlDocuments(Path.of("").resolve(Repo.path("deploy/k8s/" + parts[0]))).get(0);
        assertTrue(KubernetesManifestsTest.validate(resource).isEmpty(), parts[0] + " is valid as written");
        ((ObjectNode) resource.at(parts[1])).put(parts[2], 1);
        assertFalse(KubernetesManifestsTest.validate(resource).isEmpty(), parts[0] + " with " + parts[1] + "/" + parts[2]);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "base/services/intake-service/deployment.yaml|/spec|replicas",
            "base/kafka/topics.yaml|/spec|partitions",
            "base/postgres/cluster.yaml|/spec|instances"})
    void aWrongTypeIsRejected(String testCase) {
        String[] parts = testCase.split("\\|");
        JsonNode resource = Repo.readYamlDocuments(Repo.path("deploy/k8s/" + parts[0])).get(0);
        ((ObjectNode) resource.at(parts[1])).put(parts[2], "three");
        assertFalse(KubernetesManifestsTest.validate(resource).isEmpty(), parts[0] + " with a string " + parts[2]);
    }

    /** The CloudNativePG check names the field and the reason: the CRD's types and enums, or an unknown field. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "cluster.yaml   | /spec                  | instances             | three     | /spec/instances: must be integer",
            "cluster.yaml   | /spec                  | primaryUpdateStrategy | sometimes | /spec/primaryUpdateStrategy: "
                    + "must be equal to one of the allowed values (unsupervised, supervised)",
            "cluster.yaml   | /spec/managed/roles/0  | ensure                | gone      | /spec/managed/roles/0/ensure: "
                    + "must be equal to one of the allowed values (present, absent)",
            "cluster.yaml   | /spec/bootstrap/initdb | databse               | intake    | /spec/bootstrap/initdb/databse: "
                    + "unknown field (not in the CRD schema)",
            "databases.yaml | /spec                  | databaseReclaimPolicy | keep      | /spec/databaseReclaimPolicy: "
                    + "must be equal to one of the allowed values (delete, retain)",
            "databases.yaml | /spec/cluster          | namespace             | other     | /spec/cluster/namespace: "
                    + "unknown field (not in the CRD schema)"})
    void theCloudNativePgCheckNamesFieldAndReason(String file, String at, String field, String value, String problem) {
        JsonNode resource = Repo.readYamlDocuments(Repo.path("deploy/k8s/base/postgres/" + file)).get(0);
        ((ObjectNode) resource.at(at)).put(field, value);
        assertEquals(List.of(problem), CloudNativePg.validate(resource));
    }

    /** Maps (labels, PostgreSQL parameters) have no declared fields in the CRD, so strictness leaves them open. */
    @Test
    void theCloudNativePgCheckKeepsMapsOpen() {
        JsonNode cluster = Repo.readYaml(Repo.path("deploy/k8s/base/postgres/cluster.yaml"));
        ((ObjectNode) cluster.path("metadata")).putObject("labels").put("clinic.example/any-label", "x");
        ((ObjectNode) cluster.path("spec")).putObject("postgresql").putObject("parameters").put("max_connections", "200");
        assertEquals(List.of(), CloudNativePg.validate(cluster));
    }
}
