package care.sciatica.systemtests;

import care.sciatica.local.FreePorts;
import care.sciatica.local.KafkaBroker;
import care.sciatica.local.KafkaCluster;
import care.sciatica.local.KeycloakServer;
import care.sciatica.local.PlatformService;
import care.sciatica.local.PostgresDatabases;
import care.sciatica.local.RepositoryLayout;
import care.sciatica.local.ScrapedMetrics;
import care.sciatica.local.ServiceLauncher;
import care.sciatica.local.ServiceProcess;
import care.sciatica.local.Topics;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;

/**
 * The whole platform as production runs it, on this machine: a real Kafka broker, fresh PostgreSQL databases, Keycloak
 * with the clinic realm, and the four services as packaged applications, each on a free port.
 */
final class RunningPlatform implements AutoCloseable {

    private static final Duration SERVICE_START = Duration.ofSeconds(120);

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Map<String, PlatformService> services = new LinkedHashMap<>();
    private final Map<String, ServiceProcess> processes = new LinkedHashMap<>();
    private ServiceLauncher launcher;
    private PlatformService console;
    private KafkaCluster kafka;
    private KeycloakServer keycloak;
    private OtlpTraceReceiver traces;

    private Path logs;

    private static RunningPlatform shared;

    /** One running platform for all system tests of this JVM (it takes about a minute to start), stopped at exit. */
    static synchronized RunningPlatform shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "platform-stop"));
        }
        return shared;
    }

    static RunningPlatform start() {
        RunningPlatform platform = new RunningPlatform();
        try {
            platform.startAll();
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    private void startAll() {
        Path root = RepositoryLayout.root();
        logs = root.resolve("system-tests/target/platform-logs");
        // Three brokers, topics with three replicas and min.insync.replicas=2: one broker may fail, as in production.
        kafka = remember(KafkaCluster.start(3, KafkaBroker.RANDOM_PORT, root.resolve("system-tests/target/kafka")));
        kafka.createTopics(Topics.all());
        keycloak = remember(KeycloakServer.launch(KeycloakServer.defaultHome(), RepositoryLayout.realmFile(),
                FreePorts.next(), FreePorts.next(), logs.resolve("keycloak.log")));

        PostgresDatabases databases = PostgresDatabases.fromEnvironment();
        for (PlatformService service : PlatformService.ALL) {
            PlatformService onFreePort = new PlatformService(service.name(), FreePorts.next(),
                    service.database() + "_system");
            databases.recreateDatabase(onFreePort.database());
            services.put(service.name(), onFreePort);
        }
        keycloak.awaitReady(KeycloakServer.DEFAULT_START_TIMEOUT);

        traces = remember(OtlpTraceReceiver.start());
        launcher = new ServiceLauncher(root, logs, kafka.bootstrapServers(), databases, keycloak.realmUrl())
                .with(tracingTo(traces));
        services.values().forEach(service -> processes.put(service.name(), launcher.start(service)));
        started.push(() -> processes.values().forEach(ServiceProcess::close));
        processes.values().forEach(process -> process.awaitReady(SERVICE_START));

        // The staff's web application on top, as it runs in production; no Prometheus here (the board says so).
        console = new PlatformService(PlatformService.CONSOLE.name(), FreePorts.next(), null);
        remember(launcher.with(Map.of("SCIATICA_CONSOLE_PROMETHEUS_URL", "http://127.0.0.1:" + FreePorts.next()))
                .startConsole(console, List.copyOf(services.values()))).awaitReady(SERVICE_START);
    }

    /** Where the clinic console answers (a browser signs in there through the realm's login page). */
    String consoleUrl() {
        return console.baseUrl();
    }

    /** Kills the service at once (SIGKILL), as a crash does: nothing is flushed, no consumer leaves its group. */
    void kill(String service) {
        processes.get(service).kill();
    }

    /** Starts the service again on its port, with its environment and log, and waits until it is ready. */
    void restart(String service) {
        ServiceProcess process = launcher.start(services.get(service));
        processes.put(service, process);
        process.awaitReady(SERVICE_START);
    }

    /**
     * A second instance of every service: the same database and consumer groups as the first, its own port and
     * instance id. Closing it stops them again.
     */
    SecondInstances startSecondInstances() {
        Map<String, PlatformService> seconds = new LinkedHashMap<>();
        Map<String, ServiceProcess> running = new LinkedHashMap<>();
        services.values().forEach(first -> seconds.put(first.name(),
                new PlatformService(first.name(), FreePorts.next(), first.database())));
        seconds.values().forEach(second -> running.put(second.name(), launcher.start(second)));
        SecondInstances instances = new SecondInstances(seconds, running);
        try {
            running.values().forEach(process -> process.awaitReady(SERVICE_START));
            return instances;
        } catch (RuntimeException e) {
            instances.close();
            throw e;
        }
    }

    /** The second instances of the services, on ports of their own. */
    record SecondInstances(Map<String, PlatformService> services, Map<String, ServiceProcess> processes)
            implements AutoCloseable {

        String baseUrl(String service) {
            return services.get(service).baseUrl();
        }

        /** SIGKILL, as a crash. */
        void kill(String service) {
            processes.get(service).kill();
        }

        /** A graceful stop (SIGTERM), as a rolling update does: in-flight work is finished first. */
        void stop(String service) {
            processes.get(service).close();
        }

        @Override
        public void close() {
            processes.values().forEach(ServiceProcess::close);
        }
    }

    /** The three Kafka nodes, each killable on its own. */
    KafkaCluster kafka() {
        return kafka;
    }

    /** Tracing switched on the way an operator does it (deploy/k8s, docker-compose), exporting to {@code receiver}. */
    private static Map<String, String> tracingTo(OtlpTraceReceiver receiver) {
        return Map.of("QUARKUS_OTEL_SDK_DISABLED", "false",
                "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", receiver.endpoint(),
                "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf",
                "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "1s");
    }

    /** Every span the services have exported so far. */
    List<OtlpTraceReceiver.ReceivedSpan> spans() {
        return traces.spans();
    }

    /** The JSON lines the service has logged so far (production logs are JSON; anything else is left out). */
    List<JsonNode> logLines(String service) {
        try (Stream<String> lines = Files.lines(logs.resolve(service + ".log"))) {
            List<JsonNode> json = new ArrayList<>();
            for (String line : lines.filter(text -> text.startsWith("{")).toList()) {
                json.add(ClinicFlows.json(line));
            }
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One scrape of the service's {@code /q/metrics}. */
    ScrapedMetrics metrics(String service) {
        return new ScrapedMetrics(given().baseUri(baseUrl(service)).accept("text/plain")
                .get("/q/metrics").then().statusCode(200).extract().asString());
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The name of the service's database on the local PostgreSQL. */
    String database(String service) {
        return services.get(service).database();
    }

    String baseUrl(String service) {
        return services.get(service).baseUrl();
    }

    /** An access token for a demo user (password grant on the public client: dev and tests only). */
    String tokenFor(String username) {
        return tokenFor(username, "clinic-app");
    }

    /** An access token for a demo user through another public client of the realm. */
    String tokenFor(String username, String clientId) {
        return token(Map.of("grant_type", "password", "client_id", clientId, "username", username,
                "password", "demo"));
    }

    /** An access token for a confidential client's service account (client credentials, e.g. a booking system). */
    String tokenForClient(String clientId, String secret) {
        return token(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    KeycloakAdmin keycloakAdmin() {
        return new KeycloakAdmin(keycloak.baseUrl());
    }

    String issuer() {
        return keycloak.realmUrl();
    }

    private String token(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(keycloak.tokenEndpoint()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("No token for " + form.get("client_id") + "/" + form.get("username") + ": " + response.body());
            }
            return com.fasterxml.jackson.databind.json.JsonMapper.builder().build()
                    .readTree(response.body()).get("access_token").asText();
        } catch (Exception e) {
            throw new IllegalStateException("Token request failed", e);
        }
    }

    private <T extends AutoCloseable> T remember(T resource) {
        started.push(resource);
        return resource;
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("Could not stop a part of the platform: " + e);
            }
        }
    }
}
