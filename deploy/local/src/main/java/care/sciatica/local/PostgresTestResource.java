package care.sciatica.local;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Quarkus test resource: a database (init arg {@code database}) on the local PostgreSQL, created if absent.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
        if (database == null || database.isBlank()) {
            throw new IllegalArgumentException("PostgresTestResource needs the init arg 'database'");
        }
    }

    @Override
    public Map<String, String> start() {
        PostgresDatabases databases = PostgresDatabases.fromEnvironment();
        databases.ensureDatabase(database);
        return Map.of(
                "quarkus.datasource.reactive.url", databases.reactiveUrl(database),
                "quarkus.datasource.jdbc.url", databases.jdbcUrl(database),
                "quarkus.datasource.username", databases.username(),
                "quarkus.datasource.password", databases.password());
    }

    @Override
    public void stop() {
        // The database stays: tests clean their own tables, and the next run reuses it.
    }
}
