package care.sciatica.followup.webhook;

import care.sciatica.followup.domain.webhook.DeliveryOutcome;
import care.sciatica.followup.domain.webhook.RetrySchedule;
import care.sciatica.followup.domain.webhook.WebhookHeaders;
import care.sciatica.followup.domain.webhook.WebhookSecret;
import care.sciatica.followup.domain.webhook.WebhookSigner;
import care.sciatica.followup.persistence.WebhookDeliveryRow;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The delivery worker: woken when a delivery commits ({@link WebhookWakeUp}), when a retry comes due, and by a slow
 * poll as a safety net, it claims due deliveries and posts each, signed per Standard Webhooks, with the JDK
 * HttpClient's asynchronous API (the event loop never waits on a receiver), and logs every attempt. Receivers are
 * served at most {@code maxConcurrency} at once, each receiver's deliveries one after another, so a 410 stops the rest
 * of its batch at once. Passes never overlap; a wake-up during a pass runs another pass after it.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    private final DeliveryLog log;
    private final SecretBox secretBox;
    private final WebhookConfig config;
    private final Vertx vertx;
    private final RetrySchedule schedule;
    private final HttpClient http;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wokenWhileRunning = new AtomicBoolean();
    private volatile long timerId = -1;
    /** The most a receiver's Retry-After can hold a delivery back: beyond it, the schedule's delay is used. */
    static final Duration MAX_RETRY_AFTER = Duration.ofHours(24);

    public WebhookDispatcher(DeliveryLog log, WebhookConfig config, Vertx vertx, SecretBox secretBox) {
        this.log = log;
        this.secretBox = secretBox;
        this.config = config;
        this.vertx = vertx;
        this.schedule = config.retry().schedule();
        // Redirects are not followed: a receiver must not be able to bounce our signed request to another host.
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
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

    public void wakeUp() {
        if (!running.compareAndSet(false, true)) {
            wokenWhileRunning.set(true);
            return;
        }
        wokenWhileRunning.set(false);
        Set<UUID> gone = ConcurrentHashMap.newKeySet();
        // The lease outlasts one attempt, so a row is never sent twice at once by two workers.
        log.claim(config.batchSize(), config.timeout().multipliedBy(2))
                .onItem().transformToMulti(due -> Multi.createFrom().iterable(byReceiver(due)))
                .onItem().transformToUni(deliveries -> inTurn(deliveries, gone)).merge(config.maxConcurrency())
                .collect().last()
                .subscribe().with(
                        ignored -> passEnded(),
                        failure -> {
                            LOG.warnf("Webhook delivery pass failed, will retry: %s", failure.toString());
                            passEnded();
                        });
    }

    private void passEnded() {
        running.set(false);
        if (wokenWhileRunning.getAndSet(false)) {
            wakeUp();
        }
    }

    /** The claimed deliveries grouped by subscription, in claim order within each. */
    private static Collection<List<DeliveryLog.Due>> byReceiver(List<DeliveryLog.Due> due) {
        Map<UUID, List<DeliveryLog.Due>> groups = new LinkedHashMap<>();
        due.forEach(delivery -> groups.computeIfAbsent(delivery.subscriptionId(), id -> new ArrayList<>()).add(delivery));
        return groups.values();
    }

    /** One receiver's deliveries one after another; none is sent once the receiver has answered 410. */
    private Uni<Void> inTurn(List<DeliveryLog.Due> deliveries, Set<UUID> gone) {
        return Multi.createFrom().iterable(deliveries)
                .onItem().transformToUniAndConcatenate(due -> gone.contains(due.subscriptionId())
                        ? Uni.createFrom().voidItem()
                        : deliver(due, gone))
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> deliver(DeliveryLog.Due due, Set<UUID> gone) {
        byte[] body = due.payload().getBytes(StandardCharsets.UTF_8);
        Instant started = Instant.now();
        return send(due, body, started)
                .chain(attempt -> {
                    if (!attempt.outcome().succeeded()) {
                        LOG.infof("Webhook %s attempt %d to subscription %s: %s %s", due.id(), due.attempt(),
                                due.subscriptionId(), attempt.outcome(), attempt.statusCode() == null ? attempt.error()
                                        : attempt.statusCode());
                    }
                    if (attempt.outcome().disablesSubscription()) {
                        gone.add(due.subscriptionId());
                    }
                    Optional<Duration> retry = attempt.outcome().retries()
                            ? schedule.delayAfter(due.attempt(), ThreadLocalRandom.current())
                                    .map(delay -> honour(attempt.retryAfter(), delay))
                            : Optional.empty();
                    return log.record(due, attempt, retry)
                            .invoke(() -> retry.ifPresent(delay -> vertx.setTimer(Math.max(1, delay.toMillis()),
                                    id -> wakeUp())));
                })
                .onFailure().invoke(failure -> LOG.warnf("Cannot record webhook attempt %s: %s", due.id(), failure));
    }

    /** The receiver's Retry-After when it asks for longer than the schedule (up to a day), else the schedule's. */
    static Duration honour(Optional<Duration> retryAfter, Duration scheduled) {
        return retryAfter.filter(asked -> asked.compareTo(scheduled) > 0)
                .map(asked -> asked.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : asked)
                .orElse(scheduled);
    }

    /** Retry-After as delay-seconds or an HTTP date (RFC 9110); anything else is ignored. */
    static Optional<Duration> retryAfter(Optional<String> header, Instant now) {
        return header.map(String::trim).flatMap(value -> {
            try {
                if (value.matches("[0-9]{1,9}")) {
                    return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
                }
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    private Uni<DeliveryLog.Attempt> send(DeliveryLog.Due due, byte[] body, Instant started) {
        HttpRequest request;
        try {
            WebhookSecret current = WebhookSecret.parse(secretBox.open(due.secret()));
            List<WebhookSecret> secrets = due.previousSecret() == null ? List.of(current)
                    : List.of(current, WebhookSecret.parse(secretBox.open(due.previousSecret())));
            WebhookHeaders headers = WebhookSigner.headers(WebhookDeliveryRow.messageId(due.id()), started, body,
                    secrets);
            request = HttpRequest.newBuilder(URI.create(due.url()))
                    .timeout(config.timeout())
                    .header("content-type", "application/json")
                    .header(WebhookHeaders.ID, headers.id())
                    .header(WebhookHeaders.TIMESTAMP, Long.toString(headers.timestamp()))
                    .header(WebhookHeaders.SIGNATURE, headers.signature())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
        } catch (IllegalArgumentException | IllegalStateException invalid) {
            return Uni.createFrom().item(new DeliveryLog.Attempt(DeliveryOutcome.UNREACHABLE, null, 0,
                    "cannot build the request: " + invalid.getMessage()));
        }
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.discarding()))
                .map(response -> new DeliveryLog.Attempt(DeliveryOutcome.ofStatus(response.statusCode()),
                        response.statusCode(), millisSince(started), null,
                        retryAfter(response.headers().firstValue("retry-after"), Instant.now())))
                .onFailure().recoverWithItem(failure -> new DeliveryLog.Attempt(classify(failure), null,
                        millisSince(started), failure.toString()));
    }

    private static DeliveryOutcome classify(Throwable failure) {
        Throwable cause = failure.getCause() != null && failure instanceof java.util.concurrent.CompletionException
                ? failure.getCause() : failure;
        if (cause instanceof HttpTimeoutException) {
            return DeliveryOutcome.TIMED_OUT;
        }
        return cause instanceof ConnectException ? DeliveryOutcome.UNREACHABLE : DeliveryOutcome.FAILED;
    }

    private static long millisSince(Instant started) {
        return Duration.between(started, Instant.now()).toMillis();
    }
}
