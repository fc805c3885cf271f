package care.sciatica.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A child process (a service, Keycloak, ...) with its own log file, a readiness probe and a clean shutdown
 * that leaves no descendant behind.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final int LOG_TAIL_LINES = 60;

    private final String name;
    private final Process process;
    private final Path logFile;
    private final URI readinessUri;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ServiceProcess(String name, Process process, Path logFile, URI readinessUri) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.readinessUri = readinessUri;
    }

    /**
     * Starts {@code command} in {@code workingDirectory} with the extra {@code environment}, stdout and stderr
     * appended to {@code logFile} (a restarted process keeps one log); {@code readinessUri} answers 200 once the
     * process is ready ({@code null} for a process without HTTP).
     */
    public static ServiceProcess start(String name, List<String> command, Map<String, String> environment,
                                       Path workingDirectory, Path logFile, URI readinessUri) {
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(environment);
            return new ServiceProcess(name, builder.start(), logFile, readinessUri);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name + ": " + command, e);
        }
    }

    /** The command line that runs {@code java} of the current JVM, followed by {@code arguments}. */
    public static List<String> javaCommand(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(arguments));
        return command;
    }

    /**
     * Waits until the readiness URI answers 200; fails with the log tail if the process dies or the time runs out.
     */
    public void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest request = HttpRequest.newBuilder(readinessUri).timeout(Duration.ofSeconds(5)).GET().build();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("%s exited with code %d before it was ready; log %s:%n%s"
                        .formatted(name, process.exitValue(), logFile, logTail()));
            }
            if (answersOk(request)) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("%s was not ready at %s within %s; log %s:%n%s"
                        .formatted(name, readinessUri, timeout, logFile, logTail()));
            }
            waitForExit(POLL_INTERVAL);
        }
    }

    /** Waits until the process exits by itself and returns its exit code; fails when the time runs out. */
    public int awaitExit(Duration timeout) {
        waitForExit(timeout);
        if (process.isAlive()) {
            close();
            throw new IllegalStateException(name + " did not finish within " + timeout + "; log " + logFile + ":\n"
                    + logTail());
        }
        return process.exitValue();
    }

    /**
     * Kills the process and its descendants at once (SIGKILL), as a crash or an out-of-memory kill does: no shutdown
     * hook runs, nothing is flushed or handed over.
     */
    public void kill() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroyForcibly);
        tree.forEach(handle -> awaitExit(handle, Duration.ofSeconds(10)));
    }

    /** Waits on this thread for {@code duration} (between polls of something that has no event to wait for). */
    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    public String name() {
        return name;
    }

    public Path logFile() {
        return logFile;
    }

    /** The operating-system process (its descendants included through {@link ProcessHandle#descendants()}). */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The last lines of the log file, for error messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(),
                    lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** Stops the process and all its descendants (politely, then forcibly) and waits until they have exited. */
    @Override
    public void close() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plus(STOP_TIMEOUT);
        for (ProcessHandle handle : tree) {
            awaitExit(handle, Duration.between(Instant.now(), deadline));
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        tree.forEach(handle -> awaitExit(handle, Duration.ofSeconds(10)));
    }

    private boolean answersOk(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + name, e);
        }
    }

    private void waitForExit(Duration duration) {
        try {
            process.waitFor(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + name, e);
        }
    }

    private static void awaitExit(ProcessHandle handle, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            return;
        }
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // still alive: the caller escalates to destroyForcibly
        }
    }
}
