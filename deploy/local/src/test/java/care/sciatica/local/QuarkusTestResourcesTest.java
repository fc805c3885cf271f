package care.sciatica.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

class QuarkusTestResourcesTest {

    @Test
    void kafkaResourcesShareOneBrokerThatHasThePlatformTopics() throws Exception {
        KafkaTestResource first = new KafkaTestResource();
        KafkaTestResource second = new KafkaTestResource();
        try {
            String bootstrap = first.start().get("kafka.bootstrap.servers");
            assertEquals(bootstrap, second.start().get("kafka.bootstrap.servers"));

            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                assertTrue(admin.listTopics().names().get().containsAll(Topics.all().keySet()));
            }
        } finally {
            second.stop();
            first.stop();
        }
    }

    @Test
    void postgresResourceCreatesItsDatabaseAndPointsQuarkusAtIt() throws Exception {
        PostgresTestResource resource = new PostgresTestResource();
        resource.init(Map.of("database", "local_stack_resource_test"));

        Map<String, String> config = resource.start();

        assertEquals("postgresql://127.0.0.1:5432/local_stack_resource_test",
                config.get("quarkus.datasource.reactive.url"));
        try (Connection connection = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"))) {
            assertTrue(connection.isValid(5));
        }
    }

    @Test
    void postgresResourceNeedsADatabaseName() {
        assertThrows(IllegalArgumentException.class, () -> new PostgresTestResource().init(Map.of()));
    }
}
