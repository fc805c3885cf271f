package care.sciatica.platform.outbox;

import care.sciatica.platform.observability.PipelineMetrics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes pending outbox rows to Kafka in id order and marks them sent. It wakes on the database's
 * post-commit notification ({@link OutboxListener}) and, as a safety net, on a slow timer.
 * One instance relays at a time (a transaction-scoped advisory lock), so a case's events never overtake each other.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long ADVISORY_LOCK_KEY = 0x5C1A71CAL;
    private static final String SELECT_PENDING = """
            SELECT id, event_id, event_type, topic, message_key, source, subject, occurred_at, payload,
                   trace_parent, flow_start
            FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT $1""";
    private static final String MARK_SENT = "UPDATE outbox SET published_at = now() WHERE id = ANY($1)";

    private final Pool pool;
    private final OutboxPublisher publisher;
    private final OutboxConfig config;
    private final Vertx vertx;
    private final PipelineMetrics metrics;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();
    private volatile long timerId = -1;

    public OutboxRelay(Pool pool, OutboxPublisher publisher, OutboxConfig config, Vertx vertx,
                       PipelineMetrics metrics) {
        this.pool = pool;
        this.metrics = metrics;
        this.publisher = publisher;
        this.config = config;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        if (config.enabled()) {
            timerId = vertx.setPeriodic(config.pollInterval().toMillis(), id -> wakeUp());
            wakeUp();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    /** Asks for a relay pass; passes never overlap, and a request during a pass causes one more pass. */
    public void wakeUp() {
        requested.set(true);
        if (running.compareAndSet(false, true)) {
            runPasses();
        }
    }

    private void runPasses() {
        requested.set(false);
        relayBatch().subscribe().with(
                sent -> {
                    // Counted once the pass's transaction has marked them sent.
                    metrics.published(sent);
                    afterPass(sent >= config.batchSize());
                },
                failure -> {
                    LOG.warnf("Outbox relay pass failed, will retry: %s", failure.toString());
                    afterPass(false);
                });
    }

    private void afterPass(boolean moreWaiting) {
        if (moreWaiting || requested.get()) {
            runPasses();
            return;
        }
        running.set(false);
        // A wake-up between the check above and the reset would otherwise be lost.
        if (requested.get() && running.compareAndSet(false, true)) {
            runPasses();
        }
    }

    /** One pass: publishes up to a batch of pending rows and returns how many were sent. */
    Uni<Integer> relayBatch() {
        return pool.withTransaction(connection -> connection
                .preparedQuery("SELECT pg_try_advisory_xact_lock($1) AS locked").execute(Tuple.of(ADVISORY_LOCK_KEY))
                .chain(rows -> rows.iterator().next().getBoolean("locked")
                        ? publishPending(connection)
                        : Uni.createFrom().item(0)));
    }

    private Uni<Integer> publishPending(SqlConnection connection) {
        return connection.preparedQuery(SELECT_PENDING).execute(Tuple.of(config.batchSize()))
                .chain(rows -> {
                    List<PendingEvent> pending = new ArrayList<>();
                    for (Row row : rows) {
                        pending.add(PendingEvent.from(row));
                    }
                    if (pending.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    return publisher.publish(pending).chain(sentIds -> markSent(connection, sentIds));
                });
    }

    private Uni<Integer> markSent(SqlConnection connection, List<Long> sentIds) {
        if (sentIds.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return connection.preparedQuery(MARK_SENT).execute(Tuple.of(sentIds.toArray(Long[]::new)))
                .replaceWith(sentIds.size());
    }
}
