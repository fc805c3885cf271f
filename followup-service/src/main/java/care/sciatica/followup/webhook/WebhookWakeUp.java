package care.sciatica.followup.webhook;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Wakes the delivery worker on PostgreSQL's {@code webhook_pending} notification, which a trigger raises for every
 * staged or replayed delivery and PostgreSQL sends at commit: a delivery leaves within milliseconds of the change it
 * announces, and the worker's poll is only the safety net (as the platform's outbox relay does for events).
 */
@ApplicationScoped
public class WebhookWakeUp {

    private static final Logger LOG = Logger.getLogger(WebhookWakeUp.class);
    static final String CHANNEL = "webhook_pending";

    private final WebhookDispatcher dispatcher;
    private final WebhookConfig config;
    private final Vertx vertx;
    private final String url;
    private final Optional<String> user;
    private final Optional<String> password;
    private PgSubscriber subscriber;

    public WebhookWakeUp(WebhookDispatcher dispatcher, WebhookConfig config, Vertx vertx,
                         @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                         @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
                         @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.dispatcher = dispatcher;
        this.config = config;
        this.vertx = vertx;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        PgConnectOptions options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""));
        user.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(attempt -> 1_000L);
        subscriber.channel(CHANNEL).handler(payload -> dispatcher.wakeUp());
        subscriber.connect().subscribe().with(
                ignored -> LOG.debug("Listening for webhook deliveries"),
                failure -> LOG.warnf("Cannot listen for webhook deliveries, relying on polling: %s", failure.toString()));
    }

    void stop(@Observes ShutdownEvent event) {
        if (subscriber != null) {
            subscriber.closeAndAwait();
        }
    }
}
