package care.sciatica.followup.webhook;

import care.sciatica.followup.domain.webhook.DeliveryOutcome;
import care.sciatica.followup.usecase.FollowUpMetrics;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The worker's side of the delivery outbox, in plain SQL on the reactive pool (it runs outside any request): claims
 * due deliveries under a lease, and records each attempt with what follows from it.
 */
@ApplicationScoped
public class DeliveryLog {

    /**
     * Takes due deliveries of enabled subscriptions, skipping rows another worker holds, and leases them: the attempt is
     * counted now and, should this instance die mid-attempt, the row comes due again when the lease ends.
     */
    private static final String CLAIM = """
            UPDATE webhook_delivery d
            SET attempts = d.attempts + 1, next_attempt_at = now() + make_interval(secs => $1)
            FROM webhook_subscription s
            WHERE s.id = d.subscription_id AND d.id IN (
                SELECT due.id FROM webhook_delivery due JOIN webhook_subscription sub ON sub.id = due.subscription_id
                WHERE due.status = 'PENDING' AND due.next_attempt_at <= now() AND sub.enabled
                ORDER BY due.next_attempt_at LIMIT $2 FOR UPDATE OF due SKIP LOCKED)
            RETURNING d.id, d.attempts, d.payload, s.id AS subscription_id, s.url, s.secret, d.site_id,
                CASE WHEN s.previous_secret_until > now() THEN s.previous_secret END AS previous_secret""";
    private static final String LOG_ATTEMPT = """
            INSERT INTO webhook_attempt (delivery_id, attempt, attempted_at, status_code, duration_ms, outcome, error)
            VALUES ($1, $2, now(), $3, $4, $5, $6)""";
    private static final String RETRY_LATER =
            "UPDATE webhook_delivery SET next_attempt_at = now() + make_interval(secs => $2) WHERE id = $1";
    private static final String FINISH = "UPDATE webhook_delivery SET status = $2, finished_at = now() WHERE id = $1";
    private static final String DISABLE = """
            UPDATE webhook_subscription SET enabled = false, disabled_reason = $2, updated_at = now() WHERE id = $1""";
    /** A gone receiver gets nothing more: its other pending deliveries end with it rather than wait for ever. */
    private static final String END_PENDING = """
            UPDATE webhook_delivery SET status = 'GONE', finished_at = now()
            WHERE subscription_id = $1 AND status = 'PENDING' AND id <> $2""";

    private final Pool pool;
    private final FollowUpMetrics metrics;

    public DeliveryLog(Pool pool, FollowUpMetrics metrics) {
        this.metrics = metrics;
        this.pool = pool;
    }

    /**
     * A claimed delivery, with what it takes to send it; {@code previousSecret} is the secret a rotation replaced,
     * while its overlap lasts, else null.
     */
    public record Due(UUID id, int attempt, String payload, UUID subscriptionId, String url, String secret,
                      String siteId, String previousSecret) {
        static Due of(Row row) {
            return new Due(row.getUUID("id"), row.getInteger("attempts"), row.getString("payload"),
                    row.getUUID("subscription_id"), row.getString("url"), row.getString("secret"),
                    row.getString("site_id"), row.getString("previous_secret"));
        }
    }

    /**
     * The result of one attempt: the receiver's status when it answered, else the error; and the delay it asked for
     * (Retry-After), if any.
     */
    public record Attempt(DeliveryOutcome outcome, Integer statusCode, long durationMs, String error,
                          Optional<Duration> retryAfter) {
        public Attempt(DeliveryOutcome outcome, Integer statusCode, long durationMs, String error) {
            this(outcome, statusCode, durationMs, error, Optional.empty());
        }
    }

    public Uni<List<Due>> claim(int limit, Duration lease) {
        return pool.preparedQuery(CLAIM).execute(Tuple.of(seconds(lease), limit)).map(rows -> {
            List<Due> due = new ArrayList<>();
            rows.forEach(row -> due.add(Due.of(row)));
            return due;
        });
    }

    /**
     * Logs the attempt and moves the delivery on: delivered, gone (and its subscription disabled), retried after
     * {@code retryAfter}, or failed for good when the schedule has no retry left.
     */
    public Uni<Void> record(Due due, Attempt attempt, Optional<Duration> retryAfter) {
        String error = attempt.error() == null ? null : attempt.error().substring(0, Math.min(500, attempt.error().length()));
        return pool.withTransaction(connection -> connection.preparedQuery(LOG_ATTEMPT)
                .execute(Tuple.from(new Object[] {due.id(), due.attempt(), attempt.statusCode(), attempt.durationMs(),
                        attempt.outcome().name(), error}))
                .chain(() -> {
                    if (attempt.outcome().succeeded()) {
                        return connection.preparedQuery(FINISH).execute(Tuple.of(due.id(), "DELIVERED"));
                    }
                    if (attempt.outcome().disablesSubscription()) {
                        return connection.preparedQuery(FINISH).execute(Tuple.of(due.id(), "GONE"))
                                .chain(() -> connection.preparedQuery(DISABLE).execute(Tuple.of(due.subscriptionId(),
                                        "the receiver answered 410 Gone")))
                                .chain(() -> connection.preparedQuery(END_PENDING)
                                        .execute(Tuple.of(due.subscriptionId(), due.id())));
                    }
                    return retryAfter
                            .map(delay -> connection.preparedQuery(RETRY_LATER).execute(Tuple.of(due.id(), seconds(delay))))
                            .orElseGet(() -> connection.preparedQuery(FINISH).execute(Tuple.of(due.id(), "FAILED")));
                })
                .replaceWithVoid())
                // Counted once the attempt is logged: an attempt whose log failed is made again and counted then.
                .invoke(() -> metrics.webhookAttempt(due.siteId(), attempt.outcome().succeeded(),
                        attempt.outcome().retries() && retryAfter.isPresent()));
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
