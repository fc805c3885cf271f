package care.sciatica.platform.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One connection per service that LISTENs for PostgreSQL's post-commit notifications (a trigger's NOTIFY is delivered
 * when its transaction commits) and wakes whoever asked: the outbox relay, the follow-up service's webhook worker.
 * It reconnects by itself; until it is connected, the pollers behind it are the safety net.
 */
@ApplicationScoped
public class PostgresNotifications {

    private static final Logger LOG = Logger.getLogger(PostgresNotifications.class);

    private final PgSubscriber subscriber;
    private final List<String> channels = new ArrayList<>();

    public PostgresNotifications(Vertx vertx,
                                 @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                                 @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
                                 @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        PgConnectOptions options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""));
        user.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        this.subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(attempt -> 1_000L);
    }

    /** Runs {@code wakeUp} on every notification on {@code channel} (on the event loop: it must not block). */
    public synchronized void listen(String channel, Runnable wakeUp) {
        subscriber.channel(channel).handler(payload -> wakeUp.run());
        channels.add(channel);
        if (channels.size() == 1) {
            subscriber.connect().subscribe().with(
                    ignored -> LOG.debugf("Listening for notifications on %s", channels),
                    failure -> LOG.warnf("Cannot listen for notifications on %s, relying on polling: %s", channels,
                            failure.toString()));
        }
    }

    synchronized void stop(@Observes ShutdownEvent event) {
        if (!channels.isEmpty()) {
            subscriber.closeAndAwait();
        }
    }
}
