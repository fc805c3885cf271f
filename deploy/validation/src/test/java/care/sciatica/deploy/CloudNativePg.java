package care.sciatica.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Structural checks of the CloudNativePG resources (postgresql.cnpg.io/v1 Cluster and Database). The CNPG CRDs are
 * not published on Maven Central, and on npm only as compiled JavaScript validators (@kubernetes-models/cloudnative-pg),
 * so this is a hand-written subset of the CRD's openAPIV3Schema: the fields deploy/k8s uses, their types, and no
 * unknown fields at the levels we write.
 */
final class CloudNativePg {

    private static final Map<String, Set<String>> CLUSTER_FIELDS = Map.of(
            "spec", Set.of("instances", "imageName", "storage", "walStorage", "bootstrap", "managed", "resources",
                    "postgresql", "monitoring", "backup", "affinity", "primaryUpdateStrategy", "description",
                    "enableSuperuserAccess", "superuserSecret"),
            "spec.storage", Set.of("size", "storageClass", "resizeInUseVolumes", "pvcTemplate"),
            "spec.bootstrap", Set.of("initdb", "recovery", "pg_basebackup"),
            "spec.bootstrap.initdb", Set.of("database", "owner", "secret", "encoding", "localeCollate", "localeCType",
                    "dataChecksums", "postInitSQL", "postInitApplicationSQL", "postInitTemplateSQL", "postInitApplicationSQLRefs"),
            "spec.managed", Set.of("roles", "services"));
    private static final Set<String> ROLE_FIELDS = Set.of("name", "ensure", "login", "passwordSecret", "comment",
            "superuser", "createdb", "createrole", "inherit", "replication", "bypassrls", "connectionLimit",
            "validUntil", "inRoles", "disablePassword");
    private static final Set<String> DATABASE_SPEC = Set.of("cluster", "name", "owner", "ensure", "template",
            "encoding", "locale", "tablespace", "databaseReclaimPolicy", "allowConnections", "connectionLimit", "isTemplate");
    private static final Set<String> ENSURE = Set.of("present", "absent");
    private static final String NAME = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";

    private CloudNativePg() {
    }

    static List<String> validate(JsonNode resource) {
        List<String> problems = new ArrayList<>();
        topLevel(resource, problems);
        switch (resource.path("kind").asText()) {
            case "Cluster" -> cluster(resource.path("spec"), problems);
            case "Database" -> database(resource.path("spec"), problems);
            default -> problems.add("unexpected CloudNativePG kind " + resource.path("kind").asText());
        }
        return problems;
    }

    private static void topLevel(JsonNode resource, List<String> problems) {
        resource.fieldNames().forEachRemaining(field -> {
            if (!Set.of("apiVersion", "kind", "metadata", "spec").contains(field)) {
                problems.add("unknown top-level field " + field);
            }
        });
        if (!resource.path("metadata").path("name").asText().matches(NAME)) {
            problems.add("metadata.name is not a DNS label");
        }
    }

    private static void cluster(JsonNode spec, List<String> problems) {
        CLUSTER_FIELDS.forEach((path, allowed) -> {
            JsonNode node = at(spec, path);
            if (!node.isMissingNode()) {
                if (!node.isObject()) {
                    problems.add(path + " must be an object");
                } else {
                    node.fieldNames().forEachRemaining(f -> {
                        if (!allowed.contains(f)) {
                            problems.add("unknown field " + path + "." + f);
                        }
                    });
                }
            }
        });
        if (!spec.path("instances").isInt() || spec.path("instances").asInt() < 1) {
            problems.add("spec.instances must be an integer >= 1");
        }
        if (!spec.path("storage").path("size").isTextual()) {
            problems.add("spec.storage.size (a quantity string) is required");
        }
        JsonNode initdb = spec.path("bootstrap").path("initdb");
        if (!initdb.isMissingNode()) {
            for (String field : List.of("database", "owner")) {
                if (!initdb.path(field).isTextual()) {
                    problems.add("spec.bootstrap.initdb." + field + " must be a string");
                }
            }
            if (initdb.has("secret") && !initdb.path("secret").path("name").isTextual()) {
                problems.add("spec.bootstrap.initdb.secret.name must be a string");
            }
        }
        for (JsonNode role : spec.path("managed").path("roles")) {
            role.fieldNames().forEachRemaining(f -> {
                if (!ROLE_FIELDS.contains(f)) {
                    problems.add("unknown field in spec.managed.roles[]: " + f);
                }
            });
            if (!role.path("name").isTextual()) {
                problems.add("spec.managed.roles[].name is required");
            }
            if (role.has("ensure") && !ENSURE.contains(role.path("ensure").asText())) {
                problems.add("spec.managed.roles[].ensure must be present or absent");
            }
            if (role.has("passwordSecret") && !role.path("passwordSecret").path("name").isTextual()) {
                problems.add("spec.managed.roles[].passwordSecret.name must be a string");
            }
        }
        JsonNode resources = spec.path("resources");
        if (!resources.isMissingNode()) {
            resources.fieldNames().forEachRemaining(f -> {
                if (!Set.of("requests", "limits", "claims").contains(f)) {
                    problems.add("unknown field spec.resources." + f);
                }
            });
        }
    }

    private static void database(JsonNode spec, List<String> problems) {
        spec.fieldNames().forEachRemaining(f -> {
            if (!DATABASE_SPEC.contains(f)) {
                problems.add("unknown field spec." + f);
            }
        });
        for (String field : List.of("name", "owner")) {
            if (!spec.path(field).isTextual()) {
                problems.add("spec." + field + " (string) is required");
            }
        }
        if (!spec.path("cluster").path("name").isTextual()) {
            problems.add("spec.cluster.name (string) is required");
        }
        if (spec.has("ensure") && !ENSURE.contains(spec.path("ensure").asText())) {
            problems.add("spec.ensure must be present or absent");
        }
    }

    private static JsonNode at(JsonNode node, String dottedPath) {
        JsonNode current = node;
        for (String part : dottedPath.split("\\.")) {
            if (!part.equals("spec")) {
                current = current.path(part);
            }
        }
        return current;
    }
}
