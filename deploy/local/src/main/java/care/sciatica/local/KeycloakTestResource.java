package care.sciatica.local;

import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Quarkus test resource: Keycloak with the clinic realm on a free port, shared by all test classes of one JVM
 * and stopped when the JVM exits.
 */
public class KeycloakTestResource implements QuarkusTestResourceLifecycleManager {

    private static final SharedResource<KeycloakServer> KEYCLOAK = new SharedResource<>("keycloak",
            KeycloakTestResource::startKeycloak);

    private boolean acquired;

    @Override
    public Map<String, String> start() {
        KeycloakServer keycloak = KEYCLOAK.acquire();
        acquired = true;
        return Map.of("quarkus.oidc.auth-server-url", keycloak.realmUrl());
    }

    @Override
    public void stop() {
        if (acquired) {
            acquired = false;
            KEYCLOAK.release();
        }
    }

    static KeycloakServer startKeycloak() {
        int port = FreePorts.next();
        Path log = Path.of("target", "keycloak-" + port + ".log").toAbsolutePath();
        return KeycloakServer.start(KeycloakServer.defaultHome(), RepositoryLayout.realmFile(), port,
                FreePorts.next(), log, KeycloakServer.DEFAULT_START_TIMEOUT);
    }
}
