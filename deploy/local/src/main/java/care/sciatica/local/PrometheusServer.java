package care.sciatica.local;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Prometheus (the binary of Debian's {@code prometheus} package, installed by deploy/local/bin/ensure-prometheus.sh)
 * as a child process: a configuration of the project's, its data in a directory of ours, listening on loopback only.
 */
public final class PrometheusServer implements AutoCloseable {

    /** The port the run command uses, as docker-compose does. */
    public static final int DEFAULT_PORT = 9090;
    public static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    static final String BINARY_ENV = "SCIATICA_PROMETHEUS";

    private final int port;
    private final ServiceProcess process;

    private PrometheusServer(int port, ServiceProcess process) {
        this.port = port;
        this.process = process;
    }

    /**
     * The local run's Prometheus: deploy/prometheus/prometheus-local.yml (the services on their fixed ports, the alert
     * rules of deploy/prometheus/rules), data in {@code .local-run/prometheus}, on 127.0.0.1:{@value #DEFAULT_PORT}.
     * Started without waiting, so that the caller can stop it even while it starts; follow with {@link #awaitReady}.
     */
    public static PrometheusServer launchForLocalRun(Path repositoryRoot, Path logDirectory) {
        return launch(repositoryRoot.resolve("deploy/prometheus/prometheus-local.yml"),
                repositoryRoot.resolve(".local-run/prometheus"), DEFAULT_PORT, logDirectory.resolve("prometheus.log"));
    }

    /** Starts Prometheus with {@code configFile}, keeping its data in {@code dataDirectory}, on 127.0.0.1:{@code port}. */
    public static PrometheusServer launch(Path configFile, Path dataDirectory, int port, Path logFile) {
        if (!Files.isRegularFile(configFile)) {
            throw new IllegalStateException("No Prometheus configuration at " + configFile);
        }
        List<String> command = List.of(binary().toString(),
                "--config.file=" + configFile.toAbsolutePath(),
                "--storage.tsdb.path=" + dataDirectory.toAbsolutePath(),
                // A local run's history is worth a few days at most; the directory is the run's, not the machine's.
                "--storage.tsdb.retention.time=3d",
                "--web.listen-address=127.0.0.1:" + port);
        URI ready = URI.create("http://127.0.0.1:%d/-/ready".formatted(port));
        // Relative paths in the configuration (rule_files) are resolved against the file's directory by Prometheus
        // itself; the working directory only matters for the web console templates, which are not used.
        Path workingDirectory = configFile.toAbsolutePath().getParent();
        return new PrometheusServer(port, ServiceProcess.start("prometheus", command, Map.of(), workingDirectory,
                logFile, ready));
    }

    /** Waits until Prometheus answers {@code /-/ready} (its configuration and rules loaded); fails with the log tail. */
    public PrometheusServer awaitReady(Duration timeout) {
        process.awaitReady(timeout);
        return this;
    }

    /**
     * The {@code prometheus} executable: env {@value #BINARY_ENV} when set, else the first one on the PATH; fails
     * saying how to install it.
     */
    static Path binary() {
        String configured = System.getenv(BINARY_ENV);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return onPath("prometheus").orElseThrow(() -> new IllegalStateException(
                "No prometheus executable on the PATH: run deploy/local/bin/ensure-prometheus.sh (installs Debian's "
                        + "prometheus package) or set " + BINARY_ENV));
    }

    static Optional<Path> onPath(String executable) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.of(path.split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, executable))
                .filter(Files::isExecutable)
                .findFirst();
    }

    public int port() {
        return port;
    }

    /** The base URL, e.g. {@code http://127.0.0.1:9090}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path logFile() {
        return process.logFile();
    }

    /** The operating-system process. */
    public ProcessHandle handle() {
        return process.handle();
    }

    @Override
    public void close() {
        process.close();
    }

    @Override
    public String toString() {
        return "Prometheus on " + baseUrl();
    }
}
