package care.sciatica.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceLauncherTest {

    @TempDir
    Path repositoryRoot;

    private final PostgresDatabases databases = new PostgresDatabases("127.0.0.1", 5432, "sciatica", "sciatica");

    @Test
    void runsTheServiceRunnerJarWithItsConfigurationAndStopsIt() throws Exception {
        PlatformService service = new PlatformService("intake-service", FreePorts.next(), "intake");
        writeRunnerJar(service.runnerJar(repositoryRoot));
        ServiceLauncher launcher = new ServiceLauncher(repositoryRoot, repositoryRoot.resolve(".local-run/logs"),
                "127.0.0.1:9092", databases, "http://127.0.0.1:8180/realms/clinic");

        ProcessHandle handle;
        try (ServiceProcess process = launcher.start(service)) {
            process.awaitReady(Duration.ofSeconds(30));
            handle = process.handle();

            assertEquals("127.0.0.1:9092", env(service, "KAFKA_BOOTSTRAP_SERVERS"));
            assertEquals("postgresql://127.0.0.1:5432/intake", env(service, "QUARKUS_DATASOURCE_REACTIVE_URL"));
            assertEquals("jdbc:postgresql://127.0.0.1:5432/intake", env(service, "QUARKUS_DATASOURCE_JDBC_URL"));
            assertEquals("sciatica", env(service, "QUARKUS_DATASOURCE_USERNAME"));
            assertEquals("http://127.0.0.1:8180/realms/clinic", env(service, "QUARKUS_OIDC_AUTH_SERVER_URL"));
        }
        assertFalse(handle.isAlive());
        assertTrue(Files.exists(repositoryRoot.resolve(".local-run/logs/intake-service.log")));
    }

    @Test
    void refusesToStartAServiceThatWasNotBuilt() {
        ServiceLauncher launcher = new ServiceLauncher(repositoryRoot, repositoryRoot, "127.0.0.1:9092", databases,
                "http://127.0.0.1:8180/realms/clinic");

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> launcher.start(PlatformService.ALL.getFirst()));
        assertTrue(failure.getMessage().contains("quarkus-run.jar"), failure.getMessage());
    }

    @Test
    void listsTheFourServicesOnTheirPorts() {
        assertEquals(4, PlatformService.ALL.size());
        assertEquals("http://127.0.0.1:8084/q/health/ready", PlatformService.ALL.getLast().readinessUrl());
    }

    /** A stand-in for Quarkus' fast-jar runner: a manifest-only jar whose Class-Path points at the test classes. */
    private static void writeRunnerJar(Path jar) throws Exception {
        Files.createDirectories(jar.getParent());
        Path testClasses = Path.of(TinyHttpServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, TinyHttpServer.class.getName());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, testClasses.toUri().toString());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // the manifest is all the jar needs
        }
    }

    private static String env(PlatformService service, String name) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.baseUrl() + "/env/" + name)).build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        }
    }
}
