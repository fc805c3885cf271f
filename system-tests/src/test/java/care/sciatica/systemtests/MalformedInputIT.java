package care.sciatica.systemtests;

import care.sciatica.local.Topics;
import care.sciatica.local.PlatformService;
import care.sciatica.local.PostgresDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Malformed input generated from the services' own OpenAPI documents, against the packaged services with the real
 * broker, database and Keycloak tokens. Every write endpoint and each of its fields gets wrong types, unknown enum
 * values and ordinals, fractions and out-of-range numbers, control characters and lone surrogates, missing and null
 * required fields; every body gets duplicate keys, trailing data, two documents, broken JSON and UTF-8, a wrong content
 * type and an oversized copy; every path id and typed parameter a malformed value. Each answer must be a 4xx
 * {@code application/problem+json}, and no table of the four databases and no topic may change.
 * <p>
 * The seed is printed; {@code -Dmalformed.seed=N} replays a run. {@code /fhir} is left out: it answers FHIR
 * OperationOutcome resources, not problems.
 */
class MalformedInputIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MIN_CASES = 1_000;
    /** The webhook worker keeps retrying deliveries other tests left behind; its attempts are not ours to count. */
    private static final List<String> BACKGROUND_TABLES = List.of("webhook_attempt", "flyway_schema_history");

    private static RunningPlatform platform;
    private static final Map<String, String> tokens = new LinkedHashMap<>();
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** One request the generator made, and why it is malformed. */
    record Case(String service, String kind, String method, String path, String contentType, byte[] body,
                String token) {
    }

    @BeforeAll
    static void platform() {
        platform = RunningPlatform.shared();
        // Probed in this order per operation; a booking system last, as it alone is rate-limited.
        tokens.put("clinical-lead", platform.tokenFor("lead.north"));
        tokens.put("front-desk", platform.tokenFor("frontdesk.north"));
        tokens.put("ops", platform.tokenFor("ops.chain"));
        tokens.put("admin", platform.tokenFor("admin.chain"));
        tokens.put("booking-system", platform.tokenForClient("booking-demo", "booking-demo-secret-dev-only"));
    }

    @Test
    void generatedMalformedRequestsAreProblemsAndChangeNothing() throws Exception {
        long seed = Long.getLong("malformed.seed", System.nanoTime());
        System.out.println("MalformedInputIT seed " + seed + " (replay with -Dmalformed.seed=" + seed + ")");
        Random random = new Random(seed);

        List<Case> cases = new ArrayList<>();
        for (PlatformService service : PlatformService.ALL) {
            cases.addAll(new Generator(service.name(), openApi(service.name()), random).cases());
        }
        Collections.shuffle(cases, random);
        assertThat(cases).hasSizeGreaterThanOrEqualTo(MIN_CASES);

        Map<String, Long> rowsBefore = stableRowCounts();
        Map<String, Long> offsetsBefore = endOffsets();

        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (Case c : cases) {
                sent.add(clients.submit(() -> check(c, failures)));
            }
            for (Future<?> f : sent) {
                f.get();
            }
        } finally {
            clients.shutdownNow();
        }

        Map<String, Long> byKind = cases.stream()
                .collect(Collectors.groupingBy(Case::kind, TreeMap::new, Collectors.counting()));
        Map<String, Long> byService = cases.stream()
                .collect(Collectors.groupingBy(Case::service, TreeMap::new, Collectors.counting()));
        System.out.println("MalformedInputIT sent " + cases.size() + " cases (seed " + seed + "): by service "
                + byService + "; by kind " + byKind + "; " + failures.size() + " failed");

        assertThat(failures).as("seed " + seed + ": " + failures.size() + " answers were not 4xx problem+json")
                .isEmpty();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(rowCounts()).as("row counts, seed " + seed).isEqualTo(rowsBefore));
        assertThat(endOffsets()).as("topic end offsets, seed " + seed).isEqualTo(offsetsBefore);
    }

    private static void check(Case c, ConcurrentLinkedQueue<String> failures) {
        try {
            HttpResponse<String> answer = send(c);
            String type = answer.headers().firstValue("Content-Type").orElse("");
            boolean problem = type.startsWith("application/problem+json");
            if (answer.statusCode() < 400 || answer.statusCode() >= 500 || !problem) {
                failures.add(c.service() + " " + c.method() + " " + c.path() + " [" + c.kind() + "] → "
                        + answer.statusCode() + " " + type + " " + excerpt(answer.body()));
            } else if (answer.body().length() > 4_000) {
                failures.add(c.service() + " " + c.method() + " " + c.path() + " [" + c.kind() + "] → problem of "
                        + answer.body().length() + " characters");
            }
        } catch (Exception e) {
            failures.add(c.service() + " " + c.method() + " " + c.path() + " [" + c.kind() + "] → " + e);
        }
    }

    private static HttpResponse<String> send(Case c) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.baseUrl(c.service()) + c.path()))
                .timeout(Duration.ofSeconds(30));
        if (c.token() != null) {
            request.header("Authorization", "Bearer " + c.token());
        }
        if (c.contentType() != null) {
            request.header("Content-Type", c.contentType());
        }
        request.header("Accept", "application/json");
        request.header("Idempotency-Key", UUID.randomUUID().toString());
        HttpRequest.BodyPublisher body = c.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(c.body());
        return http.send(request.method(c.method(), body).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String excerpt(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    private static JsonNode openApi(String service) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                        URI.create(platform.baseUrl(service) + "/q/openapi?format=json")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    /** Row counts of every table of the four databases, once two reads a second apart agree. */
    private static Map<String, Long> stableRowCounts() {
        AtomicReference<Map<String, Long>> last = new AtomicReference<>(Map.of());
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Map<String, Long> now = rowCounts();
            return now.equals(last.getAndSet(now));
        });
        return last.get();
    }

    private static Map<String, Long> rowCounts() throws SQLException {
        PostgresDatabases databases = PostgresDatabases.fromEnvironment();
        Map<String, Long> counts = new TreeMap<>();
        for (PlatformService service : PlatformService.ALL) {
            String database = service.database() + "_system";
            try (Connection connection = databases.connect(database); Statement statement = connection.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables"
                        + " WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")) {
                    while (rows.next()) {
                        tables.add(rows.getString(1));
                    }
                }
                for (String table : tables) {
                    if (BACKGROUND_TABLES.contains(table)) {
                        continue;
                    }
                    try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
                        rows.next();
                        counts.put(database + "." + table, rows.getLong(1));
                    }
                }
            }
        }
        return counts;
    }

    private static Map<String, Long> endOffsets() {
        Properties config = new Properties();
        config.put("bootstrap.servers", platform.bootstrapServers());
        config.put("key.deserializer", ByteArrayDeserializer.class.getName());
        config.put("value.deserializer", ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : Topics.all().keySet()) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            Map<String, Long> offsets = new TreeMap<>();
            consumer.endOffsets(partitions).forEach((partition, offset) -> offsets.put(partition.toString(), offset));
            return offsets;
        }
    }

    /** Derives the cases of one service from its OpenAPI document. */
    static final class Generator {

        private final String service;
        private final JsonNode api;
        private final Random random;
        private final List<Case> cases = new ArrayList<>();

        Generator(String service, JsonNode api, Random random) {
            this.service = service;
            this.api = api;
            this.random = random;
        }

        List<Case> cases() throws Exception {
            for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                if (path.getKey().startsWith("/fhir") || path.getKey().startsWith("/q/")) {
                    continue;
                }
                for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                    Map.Entry<String, JsonNode> op = ops.next();
                    String method = op.getKey().toUpperCase();
                    if (List.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
                        operation(method, path.getKey(), op.getValue());
                    }
                }
            }
            return cases;
        }

        private void operation(String method, String template, JsonNode operation) throws Exception {
            List<JsonNode> parameters = new ArrayList<>();
            operation.path("parameters").forEach(parameters::add);
            JsonNode bodySchema = operation.path("requestBody").path("content").path("application/json").path("schema");
            boolean hasBody = !bodySchema.isMissingNode();
            JsonNode base = hasBody ? valid(bodySchema, "", 0) : null;
            String path = fill(template, parameters);
            String query = validQuery(parameters);
            String token = tokenFor(method, path + query, hasBody);

            // Malformed ids in the path, with an otherwise plausible request.
            for (JsonNode parameter : parameters) {
                if (!"path".equals(parameter.path("in").asText())) {
                    continue;
                }
                String name = parameter.path("name").asText();
                for (String bad : List.of("a%00b", "%00", "%C3%28", "x".repeat(300), "%27%20OR%20%271%27%3D%271",
                        "a%0Ab", "%F0%9F", "-1", "%20")) {
                    add("path-id", method, fill(template.replace("{" + name + "}", bad), parameters), query,
                            hasBody ? base : null, token);
                }
            }
            // Malformed query values: control characters always, and wrong formats for typed parameters.
            for (JsonNode parameter : parameters) {
                if (!"query".equals(parameter.path("in").asText())) {
                    continue;
                }
                String name = parameter.path("name").asText();
                List<String> bad = new ArrayList<>(List.of("a%00b", "%1B", "%C3%28"));
                JsonNode schema = resolve(parameter.path("schema"));
                String format = schema.path("format").asText("");
                if (isType(schema, "integer") || isType(schema, "number")) {
                    bad.add("seven");
                    bad.add("6.5");
                } else if (format.equals("date") || name.equals("day") || name.endsWith("From") || name.endsWith("To")) {
                    bad.add("2026-13-45");
                } else if (format.equals("uuid")) {
                    bad.add("not-a-uuid");
                } else if (schema.has("enum")) {
                    bad.add("NOT_A_VALUE");
                }
                for (String value : bad) {
                    add("query-" + name, method, path, withQuery(query, name, value), hasBody ? base : null, token);
                }
            }
            if (!hasBody) {
                return;
            }
            String valid = JSON.writeValueAsString(base);
            // Whole-body cases.
            String firstField = base.isObject() && base.fieldNames().hasNext() ? base.fieldNames().next() : "x";
            JsonNode firstValue = base.isObject() && base.size() > 0 ? base.get(firstField) : NODES.nullNode();
            raw("duplicate-key", method, path + query, "application/json",
                    valid.replaceFirst("\\{", "{\"" + firstField + "\":" + JSON.writeValueAsString(firstValue) + ","),
                    token);
            raw("trailing-data", method, path + query, "application/json", valid + " x", token);
            raw("trailing-brace", method, path + query, "application/json", valid + "}", token);
            raw("two-documents", method, path + query, "application/json", valid + valid, token);
            raw("truncated-json", method, path + query, "application/json",
                    valid.substring(0, Math.max(1, valid.length() / 2)), token);
            raw("empty-body", method, path + query, "application/json", "", token);
            raw("array-not-object", method, path + query, "application/json", "[" + valid + "]", token);
            raw("wrong-content-type", method, path + query, "text/plain", valid, token);
            raw("xml-content-type", method, path + query, "application/xml", "<a/>", token);
            raw("form-content-type", method, path + query, "application/x-www-form-urlencoded", "a=b", token);
            ObjectNode unknown = base.isObject() ? ((ObjectNode) base.deepCopy()) : NODES.objectNode();
            unknown.put("unexpected" + random.nextInt(1000), "value");
            add("unknown-field", method, path, query, unknown, token);
            ObjectNode huge = base.isObject() ? ((ObjectNode) base.deepCopy()) : NODES.objectNode();
            huge.put("padding", "x".repeat(300 * 1024));
            add("oversized-body", method, path, query, huge, token);
            byte[] brokenUtf8 = (valid.length() > 2 ? valid.substring(0, valid.length() - 1) + ",\"z\":\"" : "{\"z\":\"")
                    .getBytes(StandardCharsets.UTF_8);
            byte[] withBytes = new byte[brokenUtf8.length + 4];
            System.arraycopy(brokenUtf8, 0, withBytes, 0, brokenUtf8.length);
            withBytes[brokenUtf8.length] = (byte) 0xC3;
            withBytes[brokenUtf8.length + 1] = (byte) 0x28;
            withBytes[brokenUtf8.length + 2] = '"';
            withBytes[brokenUtf8.length + 3] = '}';
            cases.add(new Case(service, "invalid-utf8", method, path + query, "application/json", withBytes, token));

            // Field cases, at the top level and one object deeper.
            fields(method, path + query, base, resolve(bodySchema), base, "", token, 0);
        }

        private void fields(String method, String target, JsonNode root, JsonNode schema, JsonNode node,
                            String prefix, String token, int depth) throws Exception {
            if (!node.isObject() || depth > 1) {
                return;
            }
            List<String> required = new ArrayList<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
                 properties.hasNext(); ) {
                Map.Entry<String, JsonNode> property = properties.next();
                String name = property.getKey();
                String field = prefix + name;
                JsonNode fieldSchema = resolve(property.getValue());
                for (Map.Entry<String, JsonNode> mutation : mutations(fieldSchema).entrySet()) {
                    mutate(method, target, root, field, mutation.getKey(), mutation.getValue(), token);
                }
                if (required.contains(name)) {
                    mutate(method, target, root, field, "missing-required", null, token);
                    mutate(method, target, root, field, "null-required", NODES.nullNode(), token);
                }
                JsonNode child = node.get(name);
                if (child != null && child.isObject()) {
                    fields(method, target, root, fieldSchema, child, field + ".", token, depth + 1);
                }
                if (child != null && child.isArray() && isType(fieldSchema, "array")) {
                    ArrayNode withNull = NODES.arrayNode().add(NODES.nullNode());
                    mutate(method, target, root, field, "null-element", withNull, token);
                }
            }
        }

        private Map<String, JsonNode> mutations(JsonNode schema) {
            Map<String, JsonNode> mutations = new LinkedHashMap<>();
            if (schema.has("enum")) {
                mutations.put("unknown-enum", NODES.textNode("NOT_A_VALUE_" + random.nextInt(1000)));
                mutations.put("enum-ordinal", NODES.numberNode(random.nextInt(3)));
                mutations.put("enum-control", NODES.textNode(schema.get("enum").get(0).asText() + "\u0000"));
            } else if (isType(schema, "string")) {
                mutations.put("wrong-type", random.nextBoolean() ? NODES.numberNode(12345) : NODES.booleanNode(true));
                mutations.put("nul", NODES.textNode("a\u0000b"));
                mutations.put("escape-control", NODES.textNode("a\u001bb"));
                mutations.put("lone-surrogate", NODES.textNode("a\ud800b"));
                mutations.put("object-for-string", NODES.objectNode().put("a", 1));
                if (schema.has("maxLength") && schema.get("maxLength").asInt() < 100_000) {
                    mutations.put("too-long", NODES.textNode("y".repeat(schema.get("maxLength").asInt() + 1)));
                }
                String format = schema.path("format").asText("");
                if (format.equals("date") || format.equals("date-time") || format.equals("uuid")) {
                    mutations.put("bad-" + format, NODES.textNode("2026-13-45"));
                }
            } else if (isType(schema, "integer")) {
                mutations.put("fraction", NODES.numberNode(6.5));
                mutations.put("string-for-integer", NODES.textNode("seven"));
                mutations.put("numeric-string", NODES.textNode("6"));
                if (schema.has("maximum")) {
                    mutations.put("above-maximum", NODES.numberNode(schema.get("maximum").asLong() + 1));
                }
                if (schema.has("minimum")) {
                    mutations.put("below-minimum", NODES.numberNode(schema.get("minimum").asLong() - 1));
                }
            } else if (isType(schema, "number")) {
                mutations.put("string-for-number", NODES.textNode("seven"));
            } else if (isType(schema, "boolean")) {
                mutations.put("string-for-boolean", NODES.textNode("yes"));
                mutations.put("number-for-boolean", NODES.numberNode(1));
            } else if (isType(schema, "array")) {
                mutations.put("object-for-array", NODES.objectNode().put("a", 1));
                mutations.put("string-for-array", NODES.textNode("a\u0000"));
            } else if (isType(schema, "object") || schema.has("properties")) {
                mutations.put("array-for-object", NODES.arrayNode().add(1));
                mutations.put("string-for-object", NODES.textNode("x"));
            }
            return mutations;
        }

        private void mutate(String method, String target, JsonNode root, String field, String kind, JsonNode value,
                            String token) throws Exception {
            ObjectNode copy = (ObjectNode) root.deepCopy();
            String[] steps = field.split("\\.");
            ObjectNode parent = copy;
            for (int i = 0; i < steps.length - 1; i++) {
                JsonNode next = parent.get(steps[i]);
                if (!(next instanceof ObjectNode object)) {
                    return;
                }
                parent = object;
            }
            if (value == null) {
                parent.remove(steps[steps.length - 1]);
            } else {
                parent.set(steps[steps.length - 1], value);
            }
            raw(kind, method, target, "application/json", JSON.writeValueAsString(copy), token);
        }

        private void add(String kind, String method, String path, String query, JsonNode body, String token)
                throws Exception {
            raw(kind, method, path + query, body == null ? null : "application/json",
                    body == null ? null : JSON.writeValueAsString(body), token);
        }

        private void raw(String kind, String method, String target, String contentType, String body, String token) {
            cases.add(new Case(service, kind, method, target, contentType,
                    body == null ? null : body.getBytes(StandardCharsets.UTF_8), token));
        }

        /** The first token whose role the operation accepts (judged by an empty body or a random id). */
        private String tokenFor(String method, String target, boolean hasBody) throws Exception {
            String chosen = null;
            for (String token : tokens.values()) {
                Case probe = new Case(service, "role-probe", method, target, hasBody ? "application/json" : null,
                        hasBody ? "{}".getBytes(StandardCharsets.UTF_8) : null, token);
                int status = send(probe).statusCode();
                if (status != 401 && status != 403 && status != 429) {
                    chosen = token;
                    break;
                }
            }
            return chosen != null ? chosen : tokens.get("clinical-lead");
        }

        private String fill(String template, List<JsonNode> parameters) {
            String path = template;
            for (JsonNode parameter : parameters) {
                if ("path".equals(parameter.path("in").asText())) {
                    String name = parameter.path("name").asText();
                    JsonNode schema = resolve(parameter.path("schema"));
                    String value = name.toLowerCase().contains("site") ? "site-north"
                            : name.equals("day") ? "2026-03-02"
                            : "uuid".equals(schema.path("format").asText()) || name.toLowerCase().endsWith("id")
                            ? UUID.randomUUID().toString() : "ref" + random.nextInt(100_000);
                    path = path.replace("{" + name + "}", value);
                }
            }
            return path;
        }

        private static String validQuery(List<JsonNode> parameters) {
            List<String> pairs = new ArrayList<>();
            for (JsonNode parameter : parameters) {
                if ("query".equals(parameter.path("in").asText()) && parameter.path("required").asBoolean()) {
                    String name = parameter.path("name").asText();
                    pairs.add(name + "=" + (name.toLowerCase().contains("site") ? "site-north" : "2026-03-02"));
                }
            }
            return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
        }

        private static String withQuery(String query, String name, String value) {
            String kept = query.isEmpty() ? "" : List.of(query.substring(1).split("&")).stream()
                    .filter(pair -> !pair.startsWith(name + "=")).collect(Collectors.joining("&"));
            return "?" + (kept.isEmpty() ? "" : kept + "&") + name + "=" + value;
        }

        /** A plausible value for the schema; mutations then make one part of it wrong. */
        private JsonNode valid(JsonNode schema, String name, int depth) {
            schema = resolve(schema);
            if (schema.has("enum")) {
                return schema.get("enum").get(0);
            }
            if (isType(schema, "string")) {
                String format = schema.path("format").asText("");
                return switch (format) {
                    case "date" -> NODES.textNode("2026-03-02");
                    case "date-time" -> NODES.textNode("2026-03-02T10:00:00Z");
                    case "uuid" -> NODES.textNode(UUID.randomUUID().toString());
                    default -> NODES.textNode(name.toLowerCase().contains("site") ? "site-north"
                            : "x".repeat(Math.max(1, schema.path("minLength").asInt(1))));
                };
            }
            if (isType(schema, "integer")) {
                return NODES.numberNode(schema.has("minimum") ? schema.get("minimum").asLong() : 1);
            }
            if (isType(schema, "number")) {
                return NODES.numberNode(1.0);
            }
            if (isType(schema, "boolean")) {
                return NODES.booleanNode(true);
            }
            if (isType(schema, "array")) {
                ArrayNode array = NODES.arrayNode();
                if (depth < 3 && schema.has("items")) {
                    array.add(valid(schema.get("items"), name, depth + 1));
                }
                return array;
            }
            ObjectNode object = NODES.objectNode();
            if (depth < 3) {
                for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
                     properties.hasNext(); ) {
                    Map.Entry<String, JsonNode> property = properties.next();
                    object.set(property.getKey(), valid(property.getValue(), property.getKey(), depth + 1));
                }
            }
            return object;
        }

        private JsonNode resolve(JsonNode schema) {
            JsonNode current = schema;
            for (int i = 0; i < 5 && current.has("$ref"); i++) {
                String ref = current.get("$ref").asText();
                current = api.at(ref.substring(1));
            }
            if (current.has("allOf") && current.get("allOf").size() == 1) {
                return resolve(current.get("allOf").get(0));
            }
            return current;
        }

        private static boolean isType(JsonNode schema, String type) {
            JsonNode declared = schema.path("type");
            if (declared.isTextual()) {
                return declared.asText().equals(type);
            }
            if (declared.isArray()) {
                for (JsonNode t : declared) {
                    if (t.asText().equals(type)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
