package care.sciatica.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

import kafka.server.BrokerServer;
import kafka.server.ControllerServer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node Apache Kafka broker in KRaft mode (combined broker and controller) running in this JVM.
 *
 * <p>KafkaClusterTestKit binds its own listeners to random pre-bound ports, so clients are given an extra
 * {@value #CLIENT_LISTENER} listener on 127.0.0.1 whose port is either fixed (the run command's 9092) or random.
 */
public final class KafkaBroker implements AutoCloseable {

    /** The port the run command uses; tests ask for {@link #RANDOM_PORT}. */
    public static final int DEFAULT_PORT = 9092;
    public static final int RANDOM_PORT = 0;

    static final String CLIENT_LISTENER = "CLIENT";

    private final KafkaClusterTestKit cluster;
    private final Path baseDirectory;
    private final String bootstrapServers;

    private KafkaBroker(KafkaClusterTestKit cluster, Path baseDirectory, String bootstrapServers) {
        this.cluster = cluster;
        this.baseDirectory = baseDirectory;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Formats and starts a broker whose client listener is 127.0.0.1:{@code port} ({@code 0} = any free port),
     * and waits until it is ready.
     */
    public static KafkaBroker start(int port) {
        Path baseDirectory = null;
        KafkaClusterTestKit cluster = null;
        boolean started = false;
        try {
            baseDirectory = Files.createTempDirectory("sciatica-kafka-");
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBaseDirectory(baseDirectory)
                    .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                    .build();
            String brokerListener = nodes.brokerListenerName().value();
            String controllerListener = nodes.controllerListenerName().value();
            cluster = new KafkaClusterTestKit.Builder(nodes)
                    .setConfigProp("listeners", "%s://localhost:0,%s://localhost:0,%s://127.0.0.1:%d"
                            .formatted(brokerListener, controllerListener, CLIENT_LISTENER, port))
                    .setConfigProp("listener.security.protocol.map", "%s:PLAINTEXT,%s:PLAINTEXT,%s:PLAINTEXT"
                            .formatted(brokerListener, controllerListener, CLIENT_LISTENER))
                    .setConfigProp("unstable.api.versions.enable", "false")
                    .setConfigProp("unstable.feature.versions.enable", "false")
                    .setConfigProp("auto.create.topics.enable", "false")
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "3")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("transaction.state.log.num.partitions", "3")
                    .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                    .setConfigProp("share.coordinator.state.topic.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("num.partitions", "1")
                    .setConfigProp("default.replication.factor", "1")
                    .setConfigProp("min.insync.replicas", "1")
                    .build();
            cluster.format();
            // Controller first, then broker, on this thread (like KafkaRaftServer): the test kit's parallel
            // startup() hides the broker's own failure behind a secondary one.
            cluster.controllers().values().forEach(ControllerServer::startup);
            cluster.brokers().values().forEach(BrokerServer::startup);
            cluster.waitForReadyBrokers();
            int boundPort = cluster.brokers().values().iterator().next()
                    .boundPort(ListenerName.normalised(CLIENT_LISTENER));
            KafkaBroker broker = new KafkaBroker(cluster, baseDirectory, "127.0.0.1:" + boundPort);
            started = true;
            return broker;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Could not start the Kafka broker on 127.0.0.1:" + port, e);
        } finally {
            if (!started) {
                // Also after an Error: the test kit's non-daemon threads would otherwise keep the JVM alive.
                closeQuietly(cluster);
                deleteRecursively(baseDirectory);
            }
        }
    }

    /** The address clients connect to, e.g. {@code 127.0.0.1:9092}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Creates the topics that do not exist yet (replication 1); existing topics are left as they are. */
    public void createTopics(Map<String, Integer> partitionsByTopic) {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = partitionsByTopic.entrySet().stream()
                    .filter(topic -> !existing.contains(topic.getKey()))
                    .map(topic -> new NewTopic(topic.getKey(), Optional.of(topic.getValue()), Optional.of((short) 1)))
                    .toList();
            for (var result : admin.createTopics(missing).values().values()) {
                awaitIgnoringExisting(result);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not create topics " + partitionsByTopic.keySet(), e.getCause());
        }
    }

    /** An Admin client for this broker; the caller closes it. */
    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    @Override
    public void close() {
        closeQuietly(cluster);
        deleteRecursively(baseDirectory);
    }

    private static void awaitIgnoringExisting(org.apache.kafka.common.KafkaFuture<Void> result)
            throws InterruptedException, ExecutionException {
        try {
            result.get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private static void closeQuietly(KafkaClusterTestKit cluster) {
        if (cluster == null) {
            return;
        }
        try {
            cluster.close();
        } catch (Exception e) {
            System.err.println("Kafka broker did not close cleanly: " + e);
        }
    }

    static void deleteRecursively(Path directory) {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not delete " + directory + ": " + e);
        }
    }
}
