package care.sciatica.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;

import org.jboss.logmanager.LogContext;

/**
 * Runs the whole platform without Docker: Kafka, the databases, Keycloak, the four services and a Prometheus scraping
 * them, until Ctrl-C.
 */
public final class LocalStack implements AutoCloseable {

    private static final Duration SERVICE_START_TIMEOUT = Duration.ofSeconds(90);
    private static final int KEYCLOAK_MANAGEMENT_PORT = 9180;
    private static final List<String> DEMO_USERS = List.of(
            "frontdesk.north  front-desk              site-north",
            "therapist.north  therapist               site-north",
            "lead.north       clinical-lead,therapist site-north",
            "frontdesk.south  front-desk              site-south",
            "therapist.south  therapist               site-south",
            "ops.chain        ops                     site-north,site-south",
            "admin.chain      admin                   site-north,site-south");

    private final Path repositoryRoot;
    private final Path logDirectory;
    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private boolean closed;

    public LocalStack(Path repositoryRoot) {
        this.repositoryRoot = repositoryRoot;
        this.logDirectory = repositoryRoot.resolve(".local-run/logs");
    }

    public static void main(String[] args) throws InterruptedException {
        quietKafkaLogging();
        LocalStack stack = new LocalStack(RepositoryLayout.root());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "local-stack-shutdown"));
        try {
            stack.start();
        } catch (RuntimeException e) {
            System.err.println("The local stack did not start: " + e.getMessage());
            System.exit(1);
        }
        stack.printSummary();
        stopped.await();
    }

    /** Starts everything in dependency order; on failure, whatever started is stopped again. */
    public void start() {
        try {
            long begin = System.nanoTime();
            log("Starting Kafka on 127.0.0.1:" + KafkaBroker.DEFAULT_PORT + " (a JVM of its own, data in "
                    + kafkaDirectory() + ")");
            KafkaCluster kafka = remember(KafkaCluster.start(1, KafkaBroker.DEFAULT_PORT, kafkaDirectory()));
            kafka.createTopics(Topics.all());
            log("Kafka is up (%d ms), topics %s".formatted(elapsedMillis(begin), Topics.all().keySet()));

            PostgresDatabases databases = PostgresDatabases.fromEnvironment();
            for (PlatformService service : PlatformService.ALL) {
                databases.ensureDatabase(service.database());
            }
            log("Databases ready: " + PlatformService.ALL.stream().map(PlatformService::database).toList());

            begin = System.nanoTime();
            log("Starting Keycloak on 127.0.0.1:" + KeycloakServer.DEFAULT_PORT + " (30-60 s)");
            KeycloakServer keycloak = remember(KeycloakServer.launch(KeycloakServer.defaultHome(),
                    RepositoryLayout.realmFile(), KeycloakServer.DEFAULT_PORT, KEYCLOAK_MANAGEMENT_PORT,
                    logDirectory.resolve("keycloak.log")));
            keycloak.awaitReady(KeycloakServer.DEFAULT_START_TIMEOUT);
            log("Keycloak is up (%d ms)".formatted(elapsedMillis(begin)));

            ServiceLauncher launcher = new ServiceLauncher(repositoryRoot, logDirectory, kafka.bootstrapServers(),
                    databases, keycloak.realmUrl());
            begin = System.nanoTime();
            Supervisor supervisor = remember(new Supervisor(SERVICE_START_TIMEOUT));
            List<ServiceProcess> services = PlatformService.ALL.stream()
                    .map(service -> supervisor.start(service.name(), () -> launcher.start(service)))
                    .toList();
            for (ServiceProcess service : services) {
                service.awaitReady(SERVICE_START_TIMEOUT);
                log(service.name() + " is ready");
            }
            log("Services ready (%d ms)".formatted(elapsedMillis(begin)));
            startConsole(launcher, supervisor);
            supervisor.serveControl(Supervisor.CONTROL_PORT);

            remember(PrometheusServer.launchForLocalRun(repositoryRoot, logDirectory))
                    .awaitReady(PrometheusServer.START_TIMEOUT);
            log("Prometheus is up on 127.0.0.1:" + PrometheusServer.DEFAULT_PORT);

            Path demo = repositoryRoot.resolve("seeds/demo");
            if (Files.isDirectory(demo)) {
                String intake = PlatformService.ALL.getFirst().baseUrl();
                int loaded = new DemoSeeds(intake, keycloak.tokenEndpoint()).load(demo);
                log("Demo intakes loaded from seeds/demo: " + loaded);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private Path kafkaDirectory() {
        return repositoryRoot.resolve(".local-run/kafka");
    }

    /** The clinic console, once the services it calls are ready; supervised like them. */
    private void startConsole(ServiceLauncher launcher, Supervisor supervisor) {
        long begin = System.nanoTime();
        ServiceProcess console = supervisor.start(PlatformService.CONSOLE.name(),
                () -> launcher.startConsole(PlatformService.CONSOLE, PlatformService.ALL));
        console.awaitReady(SERVICE_START_TIMEOUT);
        log("clinic-console is ready (%d ms)".formatted(elapsedMillis(begin)));
    }

    /** Stops the services, then Keycloak, then Kafka (the reverse of the start order). */
    @Override
    public synchronized void close() {
        closed = true;
        while (!running.isEmpty()) {
            AutoCloseable resource = running.pop();
            try {
                resource.close();
            } catch (Exception e) {
                System.err.println("Could not stop " + resource + ": " + e);
            }
        }
    }

    private synchronized <T extends AutoCloseable> T remember(T resource) {
        running.push(resource);
        if (closed) {
            close();
            throw new IllegalStateException("The local stack is shutting down");
        }
        return resource;
    }

    private void printSummary() {
        StringBuilder out = new StringBuilder(System.lineSeparator());
        out.append("Clinic console:    ").append(PlatformService.CONSOLE.baseUrl().replace("127.0.0.1", "localhost"))
                .append("  (sign in as a demo user below, password 'demo')").append(System.lineSeparator())
                .append(System.lineSeparator());
        out.append("%-20s %-24s %-36s %s%n".formatted("service", "URL", "Swagger UI", "health"));
        for (PlatformService service : PlatformService.ALL) {
            out.append("%-20s %-24s %-36s %s%n".formatted(service.name(), service.baseUrl(),
                    service.swaggerUiUrl(), service.readinessUrl()));
        }
        out.append("%nKafka:             127.0.0.1:%d%n".formatted(KafkaBroker.DEFAULT_PORT));
        out.append("Keycloak console:  http://127.0.0.1:%d/admin/ (admin/admin, dev-only)%n"
                .formatted(KeycloakServer.DEFAULT_PORT));
        out.append("Realm (issuer):    http://127.0.0.1:%d/realms/%s%n"
                .formatted(KeycloakServer.DEFAULT_PORT, KeycloakServer.REALM));
        out.append("Prometheus:        http://127.0.0.1:%d (alerts: /alerts, scrape targets: /targets)%n"
                .formatted(PrometheusServer.DEFAULT_PORT));
        out.append(System.lineSeparator()).append("Demo log-ins (password 'demo', dev-only; client 'clinic-app'):")
                .append(System.lineSeparator());
        DEMO_USERS.forEach(user -> out.append("  ").append(user).append(System.lineSeparator()));
        out.append("Service account: client 'booking-demo', secret 'booking-demo-secret-dev-only' (booking-system, site-north)")
                .append(System.lineSeparator());
        out.append("Logs: ").append(logDirectory).append(System.lineSeparator());
        out.append("One service on its own: ./run-local stop|start|restart|kill <service>, ./run-local status")
                .append(System.lineSeparator());
        out.append("Press Ctrl-C to stop everything.").append(System.lineSeparator());
        System.out.print(out);
    }

    /** The in-process broker logs through slf4j into JBoss LogManager; its INFO lines would drown the summary. */
    private static void quietKafkaLogging() {
        System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        // log4j-core is only on the class path for Kafka's logger controller; its status messages are noise here.
        System.setProperty("log4j2.statusLoggerLevel", "OFF");
        for (String category : List.of("kafka", "org.apache.kafka", "state.change.logger")) {
            LogContext.getLogContext().getLogger(category).setLevel(Level.WARNING);
        }
    }

    private static long elapsedMillis(long beginNanos) {
        return (System.nanoTime() - beginNanos) / 1_000_000;
    }

    static void log(String message) {
        System.out.println("[local-stack] " + message);
    }
}
