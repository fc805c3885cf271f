package care.sciatica.local;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts a platform service's runner jar as a child process wired to Kafka, its database and Keycloak;
 * shared by {@link LocalStack} and the system tests.
 */
public final class ServiceLauncher {

    /**
     * Memory bounded by configuration: an explicit heap, small thread stacks, capped metaspace and code cache, and the
     * serial collector (a small heap on two cores needs no concurrent collector, and it has the least overhead), so a
     * service stays well under 300 MB resident. The containers get the same options and a limit to match
     * (docker-compose.yml, deploy/k8s).
     */
    public static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx160m", "-Xss512k",
            "-XX:MaxMetaspaceSize=160m", "-XX:ReservedCodeCacheSize=64m", "-XX:MaxDirectMemorySize=64m",
            "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError");

    private final Path repositoryRoot;
    private final Path logDirectory;
    private final String kafkaBootstrapServers;
    private final PostgresDatabases databases;
    private final String oidcAuthServerUrl;
    private final Map<String, String> settings;

    public ServiceLauncher(Path repositoryRoot, Path logDirectory, String kafkaBootstrapServers,
                           PostgresDatabases databases, String oidcAuthServerUrl) {
        this(repositoryRoot, logDirectory, kafkaBootstrapServers, databases, oidcAuthServerUrl, Map.of());
    }

    private ServiceLauncher(Path repositoryRoot, Path logDirectory, String kafkaBootstrapServers,
                            PostgresDatabases databases, String oidcAuthServerUrl, Map<String, String> settings) {
        this.repositoryRoot = repositoryRoot;
        this.logDirectory = logDirectory;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.databases = databases;
        this.oidcAuthServerUrl = oidcAuthServerUrl;
        this.settings = Map.copyOf(settings);
    }

    /** This launcher, giving every service {@code more} settings as well (e.g. switching tracing on). */
    public ServiceLauncher with(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.putAll(more);
        return new ServiceLauncher(repositoryRoot, logDirectory, kafkaBootstrapServers, databases, oidcAuthServerUrl, all);
    }

    static final String LOCAL_WEBHOOK_SECRET_KEY = "9iZMJsVJFS4ASFCIN0dX1vsd5HtRCdHFFRAtDkH3/H0=";

    /** The configuration the service gets, as environment variables (Quarkus maps them onto its properties). */
    public Map<String, String> environment(PlatformService service) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(service.port()));
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", databases.reactiveUrl(service.database()));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", databases.jdbcUrl(service.database()));
        env.put("QUARKUS_DATASOURCE_USERNAME", databases.username());
        env.put("QUARKUS_DATASOURCE_PASSWORD", databases.password());
        // glibc keeps up to 8 malloc arenas per core for a process with many threads; two keep the native memory of a
        // service small (the images are Alpine, whose musl has no arenas).
        env.put("MALLOC_ARENA_MAX", "2");
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", oidcAuthServerUrl);
        // Stable across restarts of this instance and distinct between two instances of one service (their ports).
        env.put("SCIATICA_INSTANCE_ID", service.name() + "-" + service.port());
        if (service.name().equals("followup-service")) {
            // DEV-ONLY key for the webhook secrets at rest (production supplies its own from a secret store).
            env.put("SCIATICA_FOLLOWUP_WEBHOOKS_SECRET_KEY", LOCAL_WEBHOOK_SECRET_KEY);
        }
        env.putAll(settings);
        return env;
    }

    /** The dev-only secret of the console's client in deploy/keycloak/clinic-realm.json. */
    public static final String CONSOLE_CLIENT_SECRET = "clinic-console-secret-dev-only";

    /**
     * The console's configuration: Kafka and Keycloak as the services have them, no database, and where each of the
     * {@code services} answers (its REST client key is the service's name without "-service").
     */
    public Map<String, String> consoleEnvironment(PlatformService console, List<PlatformService> services) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(console.port()));
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", oidcAuthServerUrl);
        env.put("CLINIC_CONSOLE_CLIENT_SECRET", CONSOLE_CLIENT_SECRET);
        for (PlatformService service : services) {
            String key = service.name().replace("-service", "").toUpperCase();
            env.put("QUARKUS_REST_CLIENT_" + key + "_URL", service.baseUrl());
        }
        env.putAll(settings);
        return env;
    }

    /** Starts the clinic console against {@code services} (without waiting for it). */
    public ServiceProcess startConsole(PlatformService console, List<PlatformService> services) {
        Path jar = console.runnerJar(repositoryRoot);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No " + jar + ": build the console first (./mvnw install -DskipTests)");
        }
        return ServiceProcess.start(console.name(),
                ServiceProcess.javaCommand("-jar", jar.toString()),
                consoleEnvironment(console, services),
                repositoryRoot.resolve(console.name()),
                logDirectory.resolve(console.name() + ".log"),
                URI.create(console.readinessUrl()));
    }

    /** Starts the service (without waiting for it); the caller awaits readiness and closes it. */
    public ServiceProcess start(PlatformService service) {
        Path jar = service.runnerJar(repositoryRoot);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No " + jar + ": build the services first (./mvnw install -DskipTests)");
        }
        List<String> arguments = new ArrayList<>(JVM_OPTIONS);
        arguments.addAll(List.of("-jar", jar.toString()));
        return ServiceProcess.start(service.name(),
                ServiceProcess.javaCommand(arguments.toArray(String[]::new)),
                environment(service),
                repositoryRoot.resolve(service.name()),
                logDirectory.resolve(service.name() + ".log"),
                URI.create(service.readinessUrl()));
    }
}
