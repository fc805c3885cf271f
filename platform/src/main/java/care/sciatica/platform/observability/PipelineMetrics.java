package care.sciatica.platform.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The chassis's pipeline health: outbox backlog, events published and events dead-lettered. The backlog is counted
 * by a slow timer, not per relay pass, so watching it costs one small query every few seconds.
 */
@ApplicationScoped
public class PipelineMetrics {

    private static final Logger LOG = Logger.getLogger(PipelineMetrics.class);
    private static final String BACKLOG = "SELECT count(*) FROM outbox WHERE published_at IS NULL";

    private final MeterRegistry registry;
    private final Pool pool;
    private final Vertx vertx;
    private final Duration refresh;
    private final AtomicLong backlog = new AtomicLong();
    private final Counter published;
    private volatile long timerId = -1;

    public PipelineMetrics(MeterRegistry registry, Pool pool, Vertx vertx,
                           @ConfigProperty(name = "sciatica.metrics.backlog-refresh", defaultValue = "5s")
                           Duration refresh) {
        this.registry = registry;
        this.pool = pool;
        this.vertx = vertx;
        this.refresh = refresh;
        registry.gauge("sciatica.outbox.backlog", backlog);
        this.published = Counter.builder("sciatica.outbox.published")
                .description("Events the outbox relay published to Kafka").register(registry);
    }

    void start(@Observes StartupEvent event) {
        timerId = vertx.setPeriodic(refresh.toMillis(), id -> refreshBacklog().subscribe().with(
                ignored -> { }, failure -> LOG.debugf("Cannot count the outbox backlog: %s", failure)));
    }

    void stop(@Observes ShutdownEvent event) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    /** Counts events the broker acknowledged and the relay marked sent. */
    public void published(int count) {
        if (count > 0) {
            published.increment(count);
        }
    }

    /** Counts an event given up on and routed to {@code deadLetterTopic}. */
    public void deadLettered(String deadLetterTopic) {
        registry.counter("sciatica.dead.letters", "topic", deadLetterTopic).increment();
    }

    /** Counts the backlog now; the timer calls it, tests may too. */
    public Uni<Long> refreshBacklog() {
        return pool.query(BACKLOG).execute()
                .map(rows -> rows.iterator().next().getLong(0))
                .invoke(backlog::set);
    }
}
