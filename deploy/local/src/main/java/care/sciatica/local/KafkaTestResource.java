package care.sciatica.local;

import java.util.LinkedHashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Quarkus test resource: a real in-process Kafka broker on a random port with the platform's topics,
 * shared by all test classes of one JVM
 * and stopped when the JVM exits.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private static final SharedResource<KafkaBroker> BROKER = new SharedResource<>("kafka", () -> {
        KafkaBroker broker = KafkaBroker.start(KafkaBroker.RANDOM_PORT);
        broker.createTopics(Topics.all());
        return broker;
    });

    private boolean acquired;
    private Map<String, Integer> extraTopics = Map.of();

    /** Init arg {@code topics}: extra comma-separated topics (one partition each) a test needs beside the platform's. */
    @Override
    public void init(Map<String, String> initArgs) {
        String topics = initArgs.getOrDefault("topics", "");
        Map<String, Integer> extra = new LinkedHashMap<>();
        for (String topic : topics.split(",")) {
            if (!topic.isBlank()) {
                extra.put(topic.trim(), 1);
            }
        }
        extraTopics = extra;
    }

    @Override
    public Map<String, String> start() {
        KafkaBroker broker = BROKER.acquire();
        acquired = true;
        if (!extraTopics.isEmpty()) {
            broker.createTopics(extraTopics);
        }
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    @Override
    public void stop() {
        if (acquired) {
            acquired = false;
            BROKER.release();
        }
    }
}
