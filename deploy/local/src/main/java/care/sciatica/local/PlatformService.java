package care.sciatica.local;

import java.nio.file.Path;
import java.util.List;

/**
 * One of the platform's Quarkus services as the local stack runs it: its module, HTTP port and database.
 */
public record PlatformService(String name, int port, String database) {

    /** The four services, in the order a case flows through them. */
    public static final List<PlatformService> ALL = List.of(
            new PlatformService("intake-service", 8081, "intake"),
            new PlatformService("assessment-service", 8082, "assessment"),
            new PlatformService("session-service", 8083, "session"),
            new PlatformService("followup-service", 8084, "followup"));

    /** The staff's web application: no database of its own, it calls the four services above. */
    public static final PlatformService CONSOLE = new PlatformService("clinic-console", 8085, null);

    /** The fast-jar runner the service's build leaves in {@code <module>/target/quarkus-app/}. */
    public Path runnerJar(Path repositoryRoot) {
        return repositoryRoot.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public String readinessUrl() {
        return baseUrl() + "/q/health/ready";
    }

    public String swaggerUiUrl() {
        return baseUrl() + "/q/swagger-ui";
    }
}
