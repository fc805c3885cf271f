package care.sciatica.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The official Keycloak distribution (unpacked by this module's build) running as a child process in dev mode,
 * with the {@code clinic} realm imported into an in-memory database.
 */
public final class KeycloakServer implements AutoCloseable {

    /** The port the run command uses; tests pick a free one. */
    public static final int DEFAULT_PORT = 8180;
    public static final String REALM = "clinic";
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(180);

    static final String KEYCLOAK_VERSION = "26.5.6";
    static final String HOME_PROPERTY = "sciatica.keycloak.home";
    static final String HOME_ENV = "SCIATICA_KEYCLOAK_HOME";

    private final int port;
    private final ServiceProcess process;

    private KeycloakServer(int port, ServiceProcess process) {
        this.port = port;
        this.process = process;
    }

    /**
     * Starts Keycloak on {@code httpPort} (its management interface on {@code managementPort}), importing
     * {@code realmFile}, logging to {@code logFile}, and waits until the realm answers.
     */
    public static KeycloakServer start(Path home, Path realmFile, int httpPort, int managementPort, Path logFile,
                                       Duration timeout) {
        KeycloakServer server = launch(home, realmFile, httpPort, managementPort, logFile);
        try {
            server.awaitReady(timeout);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /**
     * Starts the Keycloak process without waiting for it, so that the caller can stop it even while it starts;
     * follow with {@link #awaitReady(Duration)}.
     */
    public static KeycloakServer launch(Path home, Path realmFile, int httpPort, int managementPort, Path logFile) {
        Path kcScript = home.resolve("bin/kc.sh");
        if (!Files.isExecutable(kcScript)) {
            throw new IllegalStateException("No Keycloak distribution at " + home
                    + ": build deploy/local first (./mvnw -pl deploy/local install) or set " + HOME_ENV);
        }
        copyRealm(home, realmFile);
        List<String> command = List.of(kcScript.toString(), "start-dev",
                "--http-port=" + httpPort,
                "--http-host=127.0.0.1",
                "--http-management-port=" + managementPort,
                "--db=dev-mem",
                "--import-realm",
                "--health-enabled=true");
        Map<String, String> environment = Map.of(
                "JAVA_HOME", System.getProperty("java.home"),
                "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m",
                // jboss-threads resets thread locals through reflection; Java 24+ needs this or it fails at shutdown.
                "JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "KC_BOOTSTRAP_ADMIN_USERNAME", "admin", // dev-only
                "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        URI ready = URI.create("http://127.0.0.1:%d/realms/%s/.well-known/openid-configuration"
                .formatted(httpPort, REALM));
        return new KeycloakServer(httpPort, ServiceProcess.start("keycloak", command, environment, home, logFile, ready));
    }

    /** Waits until the clinic realm's OpenID configuration answers; fails with the log tail otherwise. */
    public void awaitReady(Duration timeout) {
        process.awaitReady(timeout);
    }

    /**
     * Finds the distribution: system property {@value #HOME_PROPERTY}, else env {@value #HOME_ENV}, else
     * {@code deploy/local/target/keycloak/keycloak-<version>} below the repository root.
     */
    public static Path defaultHome() {
        String configured = System.getProperty(HOME_PROPERTY, System.getenv(HOME_ENV));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return RepositoryLayout.root().resolve("deploy/local/target/keycloak/keycloak-" + KEYCLOAK_VERSION);
    }

    public int port() {
        return port;
    }

    /** The base URL, e.g. {@code http://127.0.0.1:8180}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The issuer of the clinic realm, i.e. what {@code quarkus.oidc.auth-server-url} takes. */
    public String realmUrl() {
        return baseUrl() + "/realms/" + REALM;
    }

    /** The OpenID Connect token endpoint of the clinic realm. */
    public String tokenEndpoint() {
        return realmUrl() + "/protocol/openid-connect/token";
    }

    public Path logFile() {
        return process.logFile();
    }

    @Override
    public void close() {
        process.close();
    }

    private static void copyRealm(Path home, Path realmFile) {
        try {
            Path importDir = Files.createDirectories(home.resolve("data/import"));
            // Copy then rename, so a Keycloak starting beside us never reads a half-written file.
            Path temporary = Files.createTempFile(importDir, ".realm-", ".tmp");
            Files.copy(realmFile, temporary, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temporary, importDir.resolve(realmFile.getFileName()),
                    StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy the realm " + realmFile + " into " + home, e);
        }
    }
}
