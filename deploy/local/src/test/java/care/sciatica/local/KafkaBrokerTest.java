package care.sciatica.local;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

    private static KafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        long begin = System.nanoTime();
        broker = KafkaBroker.start(KafkaBroker.RANDOM_PORT);
        System.out.printf("Kafka broker ready at %s in %d ms%n", broker.bootstrapServers(),
                (System.nanoTime() - begin) / 1_000_000);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void createsTheRequestedTopicsWithTheirPartitionCountsAndToleratesExistingOnes() throws Exception {
        broker.createTopics(Topics.all());
        broker.createTopics(Topics.all());

        try (Admin admin = broker.admin()) {
            Map<String, TopicDescription> described = admin.describeTopics(Topics.all().keySet())
                    .allTopicNames().get();
            Map<String, Integer> partitions = described.values().stream()
                    .collect(Collectors.toMap(TopicDescription::name, topic -> topic.partitions().size()));
            assertEquals(Topics.all(), partitions);
        }
    }

    @Test
    void producesAndConsumesARecordKeyedByCaseId() throws Exception {
        String topic = "test." + UUID.randomUUID();
        broker.createTopics(Map.of(topic, 3));
        String caseId = UUID.randomUUID().toString();

        RecordMetadata sent;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new StringSerializer())) {
            sent = producer.send(new ProducerRecord<>(topic, caseId, "{\"hello\":\"kafka\"}")).get();
        }

        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                return !received.isEmpty();
            });
        }

        assertEquals(1, received.size());
        ConsumerRecord<String, String> record = received.getFirst();
        assertEquals(caseId, record.key());
        assertEquals("{\"hello\":\"kafka\"}", record.value());
        assertEquals(sent.partition(), record.partition());
        assertTrue(broker.bootstrapServers().startsWith("127.0.0.1:"));
    }
}
