package care.sciatica.local;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessTest {

    @TempDir
    Path logs;

    @Test
    void startsAProcessWaitsUntilItIsReadyAndStopsItWithItsDescendants() throws Exception {
        int port = FreePorts.next();
        ProcessHandle child;
        try (ServiceProcess service = startTinyServer(port, Map.of())) {
            service.awaitReady(Duration.ofSeconds(30));

            assertTrue(service.isAlive());
            child = service.handle();
        }
        assertFalse(child.isAlive(), "the child process must be gone after close()");
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.readString(logs.resolve("tiny.log"))
                .contains("tiny server listening on " + port));
    }

    @Test
    void failsFastWithTheLogTailWhenTheProcessDies() {
        try (ServiceProcess service = startTinyServer(FreePorts.next(), Map.of("FAIL_AT_START", "true"))) {
            IllegalStateException failure = assertThrows(IllegalStateException.class,
                    () -> service.awaitReady(Duration.ofSeconds(60)));
            assertTrue(failure.getMessage().contains("exited with code 3"), failure.getMessage());
            assertTrue(failure.getMessage().contains("failing on purpose"), failure.getMessage());
        }
    }

    @Test
    void stopsAShellTogetherWithTheProcessItForked() throws Exception {
        int port = FreePorts.next();
        List<String> tinyServer = ServiceProcess.javaCommand("-cp", System.getProperty("java.class.path"),
                TinyHttpServer.class.getName());
        // A shell that forks java and waits for it: closing must take the grandchild down too.
        List<String> command = List.of("/bin/sh", "-c", String.join(" ", tinyServer) + " & wait");
        List<ProcessHandle> tree;
        try (ServiceProcess service = ServiceProcess.start("shell", command,
                Map.of("QUARKUS_HTTP_PORT", Integer.toString(port)), Path.of("."), logs.resolve("shell.log"),
                URI.create("http://127.0.0.1:" + port + "/q/health/ready"))) {
            service.awaitReady(Duration.ofSeconds(30));
            tree = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
            assertTrue(tree.size() >= 2, "expected the shell and its java child: " + tree);
        }
        assertTrue(tree.stream().noneMatch(ProcessHandle::isAlive), "no process may survive close()");
    }

    private ServiceProcess startTinyServer(int port, Map<String, String> extraEnv) {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        return ServiceProcess.start("tiny",
                ServiceProcess.javaCommand("-cp", System.getProperty("java.class.path"), TinyHttpServer.class.getName()),
                env, Path.of("."), logs.resolve("tiny.log"),
                URI.create("http://127.0.0.1:" + port + "/q/health/ready"));
    }
}
