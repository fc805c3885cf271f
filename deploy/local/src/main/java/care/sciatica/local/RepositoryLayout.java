package care.sciatica.local;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the repository root (the directory holding {@code mvnw}) and well-known paths below it.
 */
public final class RepositoryLayout {

    private RepositoryLayout() {
    }

    /** Walks up from the working directory to the first directory that holds {@code mvnw}. */
    public static Path root() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No repository root (a directory with mvnw) above " + start);
    }

    /** The Keycloak realm export imported by every local Keycloak. */
    public static Path realmFile() {
        return root().resolve("deploy/keycloak/clinic-realm.json");
    }
}
