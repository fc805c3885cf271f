package care.sciatica.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A real Apache Kafka cluster in KRaft mode whose nodes (each a combined broker and controller) run as JVMs of their
 * own, started from the Kafka jars on this classpath: a node can be killed and started again on its own, as a broker
 * fails in production. With three nodes, topics get three replicas and {@code min.insync.replicas=2}, as in the
 * production overlay; with one node, one replica.
 */
public final class KafkaCluster implements AutoCloseable {

    private static final Duration NODE_START_TIMEOUT = Duration.ofSeconds(120);
    private static final String CLIENT = "CLIENT";
    private static final String CONTROLLER = "CONTROLLER";
    /** The Kafka jars log through slf4j into JBoss LogManager, which must be the JVM's log manager from the start. */
    private static final String LOG_MANAGER = "-Djava.util.logging.manager=org.jboss.logmanager.LogManager";
    private static final String LOGGING = String.join("\n",
            "logger.level=INFO",
            "logger.handlers=CONSOLE",
            "handler.CONSOLE=org.jboss.logmanager.handlers.ConsoleHandler",
            "handler.CONSOLE.formatter=PATTERN",
            "formatter.PATTERN=org.jboss.logmanager.formatters.PatternFormatter",
            "formatter.PATTERN.properties=pattern",
            "formatter.PATTERN.pattern=%d{HH:mm:ss,SSS} %-5p [%c] %s%e%n",
            "");

    private final Path directory;
    private final List<KafkaNode> nodes;
    private final String bootstrapServers;

    private KafkaCluster(Path directory, List<KafkaNode> nodes) {
        this.directory = directory;
        this.nodes = nodes;
        this.bootstrapServers = nodes.stream().map(node -> "127.0.0.1:" + node.clientPort)
                .collect(Collectors.joining(","));
    }

    /**
     * Formats and starts {@code size} nodes under {@code directory} (emptied first), the first node's client listener
     * on {@code firstClientPort} ({@link KafkaBroker#RANDOM_PORT} for free ports), and waits until all have joined.
     */
    public static KafkaCluster start(int size, int firstClientPort, Path folder) {
        Path directory = folder.toAbsolutePath();
        KafkaBroker.deleteRecursively(directory);
        List<KafkaNode> nodes = new ArrayList<>();
        for (int id = 1; id <= size; id++) {
            int clientPort = firstClientPort == KafkaBroker.RANDOM_PORT ? FreePorts.next() : firstClientPort + id - 1;
            nodes.add(new KafkaNode(id, clientPort, FreePorts.next(), directory.resolve("node-" + id)));
        }
        KafkaCluster cluster = new KafkaCluster(directory, nodes);
        try {
            String clusterId = Uuid.randomUuid().toString();
            String voters = nodes.stream().map(node -> node.id + "@127.0.0.1:" + node.controllerPort)
                    .collect(Collectors.joining(","));
            for (KafkaNode node : nodes) {
                node.configure(voters, size);
                node.format(clusterId);
            }
            nodes.forEach(KafkaNode::start);
            cluster.awaitNodes(size, NODE_START_TIMEOUT);
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** Every node's client address, e.g. {@code 127.0.0.1:9092,127.0.0.1:9093,127.0.0.1:9094}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    public int size() {
        return nodes.size();
    }

    /** Kills node {@code id} (1-based) at once, as a crash does: no clean shutdown, no leadership handed over. */
    public void kill(int id) {
        node(id).kill();
    }

    /** Starts node {@code id} again on its ports and data, and waits until the cluster has all its nodes back. */
    public void restart(int id) {
        node(id).start();
        awaitNodes(nodes.size(), NODE_START_TIMEOUT);
    }

    /**
     * Creates the topics that do not exist yet, with as many replicas as the cluster has nodes (at most three) and,
     * with three, {@code min.insync.replicas=2}: a write is acknowledged once two copies have it.
     */
    public void createTopics(Map<String, Integer> partitionsByTopic) {
        short replicas = (short) Math.min(3, nodes.size());
        Map<String, String> configs = Map.of("min.insync.replicas", Integer.toString(minInSyncReplicas(nodes.size())));
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = partitionsByTopic.entrySet().stream()
                    .filter(topic -> !existing.contains(topic.getKey()))
                    .map(topic -> new NewTopic(topic.getKey(), Optional.of(topic.getValue()), Optional.of(replicas))
                            .configs(configs))
                    .toList();
            for (var result : admin.createTopics(missing).values().values()) {
                try {
                    result.get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not create topics " + partitionsByTopic.keySet(), e.getCause());
        }
    }

    /** An Admin client for this cluster; the caller closes it. */
    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000"));
    }

    @Override
    public void close() {
        nodes.forEach(KafkaNode::stop);
        KafkaBroker.deleteRecursively(directory);
    }

    private KafkaNode node(int id) {
        if (id < 1 || id > nodes.size()) {
            throw new IllegalArgumentException("No Kafka node " + id + " in a cluster of " + nodes.size());
        }
        return nodes.get(id - 1);
    }

    private void awaitNodes(int expected, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        String seen = "none";
        while (Instant.now().isBefore(deadline)) {
            nodes.forEach(KafkaNode::failIfExited);
            try (Admin admin = admin()) {
                var brokers = admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                seen = brokers.stream().map(Node::idString).sorted().collect(Collectors.joining(","));
                if (brokers.size() == expected) {
                    return;
                }
            } catch (ExecutionException | TimeoutException e) {
                seen = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the Kafka cluster", e);
            }
            ServiceProcess.pause(Duration.ofMillis(250));
        }
        throw new IllegalStateException("Kafka cluster " + bootstrapServers + " did not have " + expected
                + " nodes within " + timeout + " (saw " + seen + "); last log lines:\n" + nodes.stream()
                .map(KafkaNode::logTail).collect(Collectors.joining("\n")));
    }

    static int minInSyncReplicas(int size) {
        return size >= 3 ? 2 : 1;
    }

    /** One node: its ports, its data and configuration folder, and its process while it runs. */
    private static final class KafkaNode {

        private final int id;
        private final int clientPort;
        private final int controllerPort;
        private final Path home;
        private ServiceProcess process;

        KafkaNode(int id, int clientPort, int controllerPort, Path home) {
            this.id = id;
            this.clientPort = clientPort;
            this.controllerPort = controllerPort;
            this.home = home;
        }

        private Path config() {
            return home.resolve("server.properties");
        }

        private List<String> jvm(String... arguments) {
            List<String> command = new ArrayList<>(List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", LOG_MANAGER,
                    "-Dlogging.configuration=" + home.resolve("logging.properties").toUri(),
                    "-cp", absoluteClassPath()));
            command.addAll(List.of(arguments));
            return ServiceProcess.javaCommand(command.toArray(String[]::new));
        }

        /** This JVM's class path with absolute entries: the node runs in its own folder. */
        private static String absoluteClassPath() {
            return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                    .map(entry -> Path.of(entry).toAbsolutePath().toString())
                    .collect(Collectors.joining(File.pathSeparator));
        }

        String logTail() {
            return process == null ? "node " + id + ": not running" : "node " + id + ":\n" + process.logTail();
        }

        void configure(String voters, int clusterSize) {
            int internalReplicas = Math.min(3, clusterSize);
            String properties = String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=" + id,
                    "controller.quorum.voters=" + voters,
                    "listeners=%s://127.0.0.1:%d,%s://127.0.0.1:%d".formatted(CLIENT, clientPort, CONTROLLER,
                            controllerPort),
                    "advertised.listeners=%s://127.0.0.1:%d".formatted(CLIENT, clientPort),
                    "listener.security.protocol.map=%s:PLAINTEXT,%s:PLAINTEXT".formatted(CLIENT, CONTROLLER),
                    "inter.broker.listener.name=" + CLIENT,
                    "controller.listener.names=" + CONTROLLER,
                    "log.dirs=" + home.resolve("data"),
                    "auto.create.topics.enable=false",
                    "num.partitions=1",
                    "default.replication.factor=" + internalReplicas,
                    "min.insync.replicas=" + minInSyncReplicas(clusterSize),
                    "offsets.topic.replication.factor=" + internalReplicas,
                    "offsets.topic.num.partitions=3",
                    "transaction.state.log.replication.factor=" + internalReplicas,
                    "transaction.state.log.min.isr=" + minInSyncReplicas(clusterSize),
                    "transaction.state.log.num.partitions=3",
                    "share.coordinator.state.topic.replication.factor=" + internalReplicas,
                    "share.coordinator.state.topic.min.isr=" + minInSyncReplicas(clusterSize),
                    "group.initial.rebalance.delay.ms=0",
                    // A restarted node catches up and takes its leaderships back quickly.
                    "leader.imbalance.check.interval.seconds=5",
                    "");
            try {
                Files.createDirectories(home);
                Files.writeString(config(), properties);
                Files.writeString(home.resolve("logging.properties"), LOGGING);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write " + config(), e);
            }
        }

        void format(String clusterId) {
            ServiceProcess formatting = ServiceProcess.start("kafka-format-" + id,
                    jvm("kafka.tools.StorageTool", "format", "-t", clusterId, "-c", config().toString()),
                    Map.of(), home, home.resolve("format.log"), null);
            int exit = formatting.awaitExit(Duration.ofSeconds(60));
            if (exit != 0) {
                throw new IllegalStateException("Could not format Kafka node " + id + " (exit " + exit + "):\n"
                        + formatting.logTail());
            }
        }

        void start() {
            if (process != null && process.isAlive()) {
                throw new IllegalStateException("Kafka node " + id + " is already running");
            }
            process = ServiceProcess.start("kafka-" + id,
                    jvm("kafka.Kafka", config().toString()),
                    Map.of(), home, home.resolve("kafka.log"), null);
        }

        void failIfExited() {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException("Kafka node " + id + " exited; log " + process.logFile() + ":\n"
                        + process.logTail());
            }
        }

        void kill() {
            if (process != null) {
                process.kill();
                process = null;
            }
        }

        void stop() {
            if (process != null) {
                process.close();
                process = null;
            }
        }
    }

    /** Node ids 1..size, for callers that kill and restart them in turn. */
    public List<Integer> nodeIds() {
        return IntStream.rangeClosed(1, nodes.size()).boxed().toList();
    }
}
