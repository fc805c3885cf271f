package care.sciatica.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Three Kafka nodes, each its own JVM: topics are replicated three times, and one node may die and come back. */
class KafkaClusterTest {

    private static KafkaCluster cluster;

    @BeforeAll
    static void startCluster() {
        long begin = System.nanoTime();
        cluster = KafkaCluster.start(3, KafkaBroker.RANDOM_PORT, Path.of("target/kafka-cluster-test"));
        System.out.printf("Kafka cluster of 3 ready at %s in %d ms%n", cluster.bootstrapServers(),
                (System.nanoTime() - begin) / 1_000_000);
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Test
    void topicsHaveThreeReplicasAndNeedTwoInSync() throws Exception {
        String topic = "test." + UUID.randomUUID();
        cluster.createTopics(Map.of(topic, 3));

        try (Admin admin = cluster.admin()) {
            TopicDescription described = admin.describeTopics(Set.of(topic)).allTopicNames().get().get(topic);
            assertThat(described.partitions()).hasSize(3)
                    .allSatisfy(partition -> assertThat(partition.replicas()).hasSize(3));
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            assertThat(admin.describeConfigs(Set.of(resource)).all().get().get(resource)
                    .get("min.insync.replicas").value()).isEqualTo("2");
        }
    }

    @Test
    void acknowledgedWritesGoOnWhileOneNodeIsDeadAndTheNodeComesBack() throws Exception {
        String topic = "test." + UUID.randomUUID();
        cluster.createTopics(Map.of(topic, 3));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "before", "{}")).get(30, TimeUnit.SECONDS);

            cluster.kill(2);
            for (int i = 0; i < 20; i++) {
                producer.send(new ProducerRecord<>(topic, "case-" + i, "{}")).get(30, TimeUnit.SECONDS);
            }

            cluster.restart(2);
        }
        try (Admin admin = cluster.admin()) {
            assertThat(admin.describeCluster().nodes().get().stream().map(Node::id).collect(Collectors.toSet()))
                    .containsExactlyInAnyOrder(1, 2, 3);
        }
    }
}
