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
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The delivery worker: on a timer it claims due deliveries and posts each, signed per Standard Webhooks, with the JDK
 * HttpClient's asynchronous API (the event loop never waits on a receiver), at most {@code maxConcurrency} at once,
 * and logs every attempt. Passes never overlap.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    private final DeliveryLog log;
    private final WebhookConfig config;
    private final Vertx vertx;
    private final RetrySchedule schedule;
    private final HttpClient http;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile long timerId = -1;

    public WebhookDispatcher(DeliveryLog log, WebhookConfig config, Vertx vertx) {
        this.log = log;
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
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    public void wakeUp() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        // The lease outlasts one attempt, so a row is never sent twice at once by two workers.
        log.claim(config.batchSize(), config.timeout().multipliedBy(2))
                .onItem().transformToMulti(due -> Multi.createFrom().iterable(due))
                .onItem().transformToUni(this::deliver).merge(config.maxConcurrency())
                .collect().last()
                .subscribe().with(
                        ignored -> running.set(false),
                        failure -> {
                            LOG.warnf("Webhook delivery pass failed, will retry: %s", failure.toString());
                            running.set(false);
                        });
    }

    private Uni<Void> deliver(DeliveryLog.Due due) {
        byte[] body = due.payload().getBytes(StandardCharsets.UTF_8);
        Instant started = Instant.now();
        return send(due, body, started)
                .chain(attempt -> {
                    if (!attempt.outcome().succeeded()) {
                        LOG.infof("Webhook %s attempt %d to subscription %s: %s %s", due.id(), due.attempt(),
                                due.subscriptionId(), attempt.outcome(), attempt.statusCode() == null ? attempt.error()
                                        : attempt.statusCode());
                    }
                    Optional<Duration> retry = attempt.outcome().retries()
                            ? schedule.delayAfter(due.attempt(), ThreadLocalRandom.current())
                            : Optional.empty();
                    return log.record(due, attempt, retry);
                })
                .onFailure().invoke(failure -> LOG.warnf("Cannot record webhook attempt %s: %s", due.id(), failure));
    }

    private Uni<DeliveryLog.Attempt> send(DeliveryLog.Due due, byte[] body, Instant started) {
        HttpRequest request;
        try {
            WebhookHeaders headers = WebhookSigner.headers(WebhookDeliveryRow.messageId(due.id()), started, body,
                    WebhookSecret.parse(due.secret()));
            request = HttpRequest.newBuilder(URI.create(due.url()))
                    .timeout(config.timeout())
                    .header("content-type", "application/json")
                    .header(WebhookHeaders.ID, headers.id())
                    .header(WebhookHeaders.TIMESTAMP, Long.toString(headers.timestamp()))
                    .header(WebhookHeaders.SIGNATURE, headers.signature())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
        } catch (IllegalArgumentException invalid) {
            return Uni.createFrom().item(new DeliveryLog.Attempt(DeliveryOutcome.UNREACHABLE, null, 0,
                    "cannot build the request: " + invalid.getMessage()));
        }
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.discarding()))
                .map(response -> new DeliveryLog.Attempt(DeliveryOutcome.ofStatus(response.statusCode()),
                        response.statusCode(), millisSince(started), null))
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
