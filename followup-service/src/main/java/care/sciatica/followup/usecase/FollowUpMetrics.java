package care.sciatica.followup.usecase;

import care.sciatica.followup.domain.appointment.Appointment;
import care.sciatica.followup.domain.webhook.WebhookEventType;
import care.sciatica.platform.observability.AfterCommit;
import care.sciatica.platform.observability.FlowStart;
import care.sciatica.platform.observability.FlowTimers;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The follow-up service's business metrics (deploy/grafana/METRICS.md): appointment changes and webhook deliveries
 * as they commit, the flows that end in an appointment, and per-site gauges (open tasks, disabled subscriptions)
 * counted in the database by a slow timer rather than tracked in memory, so every replica reports the truth.
 */
@ApplicationScoped
public class FollowUpMetrics {

    private static final String OPEN_TASKS =
            "SELECT site_id, count(*) FILTER (WHERE status = 'OPEN') FROM followup_task GROUP BY site_id";
    private static final String DISABLED_SUBSCRIPTIONS =
            "SELECT site_id, count(*) FILTER (WHERE NOT enabled) FROM webhook_subscription GROUP BY site_id";

    /** Episodes with at least one follow-up visit decided: the denominator of the shares below. */
    private static final String REVIEWED_EPISODES = """
            SELECT e.site_id, count(DISTINCT v.case_id) FROM episode e
            JOIN episode_visit v ON v.case_id = e.case_id AND v.visit >= 2 AND v.mic_reached IS NOT NULL
            GROUP BY e.site_id""";
    /** Of those, the episodes that reached the minimal important change at a visit up to 2, 3 and 4. */
    private static final String MIC_BY_VISIT = """
            SELECT e.site_id, k.by_visit, count(DISTINCT v.case_id) FILTER (WHERE v.mic_reached AND v.visit <= k.by_visit)
            FROM episode e
            JOIN episode_visit v ON v.case_id = e.case_id AND v.visit >= 2 AND v.mic_reached IS NOT NULL
            CROSS JOIN (VALUES (2), (3), (4)) AS k (by_visit)
            GROUP BY e.site_id, k.by_visit""";

    private final MeterRegistry registry;
    private final FlowTimers flows;
    private final Pool pool;
    private final Vertx vertx;
    private final Duration refresh;
    private final Map<String, AtomicLong> openTasks = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> disabledSubscriptions = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> reviewedEpisodes = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> micByVisit = new ConcurrentHashMap<>();
    private volatile long timerId = -1;

    public FollowUpMetrics(MeterRegistry registry, FlowTimers flows, Pool pool, Vertx vertx,
                           @ConfigProperty(name = "sciatica.metrics.gauge-refresh", defaultValue = "15s")
                           Duration refresh) {
        this.registry = registry;
        this.flows = flows;
        this.pool = pool;
        this.vertx = vertx;
        this.refresh = refresh;
    }

    void start(@Observes StartupEvent event) {
        timerId = vertx.setPeriodic(refresh.toMillis(), id -> refreshGauges().subscribe().with(ignored -> { },
                failure -> { }));
    }

    void stop(@Observes ShutdownEvent event) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    /** Counts an appointment change once it has committed. */
    void appointment(Appointment appointment, WebhookEventType type) {
        countAppointment(appointment.siteId(), type.wireName().substring("appointment.".length()));
    }

    /**
     * Counts a recorded attendance once it has committed: {@code event="attended"} or {@code event="no_show"}. These
     * clinic-only outcomes have no webhook event type of their own.
     */
    void attendance(Appointment appointment) {
        String event = switch (appointment.state()) {
            case ATTENDED -> "attended";
            case NO_SHOW -> "no_show";
            default -> throw new IllegalArgumentException("Not an attendance outcome: " + appointment.state());
        };
        countAppointment(appointment.siteId(), event);
    }

    private void countAppointment(String site, String event) {
        AfterCommit.run(() -> registry.counter("sciatica.appointments", "site", site, "event", event).increment());
    }

    /** Times session → appointment and, when the case's flow start travelled with the event, intake → appointment. */
    void scheduledAfterSession(String site, Instant sessionCompletedAt, Instant scheduledAt) {
        flows.record(site, "session", "appointment", sessionCompletedAt, scheduledAt);
        FlowStart.current().ifPresent(start -> flows.record(site, "intake", "appointment", start, scheduledAt));
    }

    /** Counts one webhook delivery attempt: delivered, retried later, or failed for good. */
    public void webhookAttempt(String site, boolean delivered, boolean retried) {
        String outcome = delivered ? "delivered" : retried ? "retried" : "failed";
        registry.counter("sciatica.webhook.deliveries", "site", site, "outcome", outcome).increment();
    }

    /** Counts the episode policy's decision on a follow-up visit once it has committed. */
    void episodeDecided(String site, String decision) {
        AfterCommit.run(() -> registry.counter("sciatica.episode.decisions", "site", site, "decision", decision)
                .increment());
    }

    /** Counts the gauges' figures in the database now; the timer calls it, tests may too. */
    public Uni<Void> refreshGauges() {
        return refresh(OPEN_TASKS, "sciatica.followup.tasks.open", openTasks)
                .chain(() -> refresh(DISABLED_SUBSCRIPTIONS, "sciatica.webhook.subscriptions.disabled",
                        disabledSubscriptions))
                .chain(() -> refresh(REVIEWED_EPISODES, "sciatica.episodes.reviewed", reviewedEpisodes))
                .chain(() -> pool.query(MIC_BY_VISIT).execute().invoke(rows -> rows.forEach(row -> micByVisit
                                .computeIfAbsent(row.getString(0) + "/" + row.getInteger(1), key -> registry.gauge(
                                        "sciatica.episodes.mic.reached", Tags.of("site", row.getString(0), "by_visit",
                                                String.valueOf(row.getInteger(1))), new AtomicLong()))
                                .set(row.getLong(2))))
                        .replaceWithVoid());
    }

    private Uni<Void> refresh(String sql, String gauge, Map<String, AtomicLong> bySite) {
        return pool.query(sql).execute().invoke(rows -> rows.forEach(row -> bySite.computeIfAbsent(
                        row.getString(0), site -> registry.gauge(gauge, Tags.of("site", site), new AtomicLong()))
                .set(row.getLong(1))))
                .replaceWithVoid();
    }
}
