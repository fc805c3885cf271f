package care.sciatica.local;

import care.sciatica.contracts.CloudEventAttributes;
import care.sciatica.contracts.EventType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

/**
 * Reads and writes the real topics in tests: every read starts from the beginning of the topic, so a test sees what
 * was published whatever ran before it, and waits (bounded) for what it expects instead of sleeping.
 */
public final class TopicReader implements AutoCloseable {

    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);
    private static final Map<String, TopicReader> SHARED = new ConcurrentHashMap<>();

    private final String bootstrapServers;
    private KafkaProducer<String, String> producer;

    public TopicReader(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** One reader per broker for a whole test JVM, closed when the JVM exits. */
    public static TopicReader shared(String bootstrapServers) {
        return SHARED.computeIfAbsent(bootstrapServers, servers -> {
            TopicReader reader = new TopicReader(servers);
            Runtime.getRuntime().addShutdownHook(new Thread(reader::close, "topic-reader-close"));
            return reader;
        });
    }

    /** The shared reader of the broker the running Quarkus test application is configured with. */
    public static TopicReader ofTestBroker() {
        return shared(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    /** Waits until {@code topic} holds at least {@code expected} records with this key; returns them in order. */
    public List<ConsumerRecord<String, String>> awaitKeyed(String topic, String key, int expected) {
        return awaitMatching(topic, record -> key.equals(record.key()), expected, DEFAULT_WAIT);
    }

    /** Waits until {@code topic} holds at least {@code expected} matching records; returns all matching ones. */
    public List<ConsumerRecord<String, String>> awaitMatching(String topic, Predicate<ConsumerRecord<String, String>> match,
                                                              int expected, Duration wait) {
        Instant deadline = Instant.now().plus(wait);
        try (KafkaConsumer<String, String> consumer = newConsumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            while (found.size() < expected) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("Expected " + expected + " matching records on " + topic + " within "
                            + wait + ", found " + found.size() + ": " + found);
                }
                consumer.poll(Duration.ofMillis(200)).records(topic).forEach(record -> {
                    if (match.test(record)) {
                        found.add(record);
                    }
                });
            }
            // Drain what has already arrived, so a test of "exactly n" sees any extra record too.
            consumer.poll(Duration.ofMillis(200)).records(topic).forEach(record -> {
                if (match.test(record)) {
                    found.add(record);
                }
            });
            return found;
        }
    }

    /** Every record {@code topic} holds now, from its beginning up to the end offsets at the time of the call. */
    public List<ConsumerRecord<String, String>> readAll(String topic) {
        try (KafkaConsumer<String, String> consumer = newConsumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> all = new ArrayList<>();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                consumer.poll(Duration.ofMillis(200)).records(topic).forEach(all::add);
            }
            return all;
        }
    }

    /** Sends a record and waits for the broker's acknowledgement. */
    public synchronized void send(ProducerRecord<String, String> record) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
        }
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not send to " + record.topic(), e.getCause());
        }
    }

    /** A CloudEvent in Kafka binary mode, keyed and subjected by the case id, as a producer's outbox relay sends it. */
    public static ProducerRecord<String, String> cloudEvent(EventType type, String caseId, String siteId,
                                                            String eventId, String data) {
        ProducerRecord<String, String> record = new ProducerRecord<>(type.topic(), caseId, data);
        addHeader(record, CloudEventAttributes.SPECVERSION, CloudEventAttributes.SPEC_VERSION);
        addHeader(record, CloudEventAttributes.ID, eventId);
        addHeader(record, CloudEventAttributes.TYPE, type.type());
        addHeader(record, CloudEventAttributes.SOURCE, CloudEventAttributes.source(siteId, type.service()));
        addHeader(record, CloudEventAttributes.SUBJECT, caseId);
        addHeader(record, CloudEventAttributes.CONTENT_TYPE, CloudEventAttributes.DATA_CONTENT_TYPE);
        return record;
    }

    private static void addHeader(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The value of a header as text, or null when absent. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private KafkaConsumer<String, String> newConsumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer());
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
