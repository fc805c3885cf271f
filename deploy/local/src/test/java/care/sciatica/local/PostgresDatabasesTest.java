package care.sciatica.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

class PostgresDatabasesTest {

    private final PostgresDatabases databases = PostgresDatabases.fromEnvironment();

    @Test
    void ensuresADatabaseTwiceAndConnectsToIt() throws Exception {
        databases.ensureDatabase("local_stack_test");
        databases.ensureDatabase("local_stack_test");

        try (Connection connection = databases.connect("local_stack_test");
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT current_database(), current_user")) {
            row.next();
            assertEquals("local_stack_test", row.getString(1));
            assertEquals(databases.username(), row.getString(2));
        }
    }

    @Test
    void concurrentCreatorsOfTheSameDatabaseAllSucceed() throws Exception {
        String name = "local_stack_race_" + System.nanoTime();
        List<CompletableFuture<Void>> creators = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            creators.add(CompletableFuture.runAsync(() -> databases.ensureDatabase(name)));
        }
        CompletableFuture.allOf(creators.toArray(CompletableFuture[]::new)).get();

        try (Connection connection = databases.connect("postgres");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE " + name);
        }
    }

    @Test
    void buildsUrlsFromTheEnvironment() {
        PostgresDatabases custom = PostgresDatabases.fromEnvironment(Map.of(
                "SCIATICA_DB_HOST", "db.example.org", "SCIATICA_DB_PORT", "6543",
                "SCIATICA_DB_USER", "u", "SCIATICA_DB_PASSWORD", "p"));

        assertEquals("postgresql://db.example.org:6543/intake", custom.reactiveUrl("intake"));
        assertEquals("jdbc:postgresql://db.example.org:6543/intake", custom.jdbcUrl("intake"));
        assertEquals("postgresql://127.0.0.1:5432/intake",
                PostgresDatabases.fromEnvironment(Map.of()).reactiveUrl("intake"));
    }
}
