package care.sciatica.platform.outbox;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Wakes the relay on PostgreSQL's post-commit {@code outbox_pending} notification, so an event leaves within
 * milliseconds of its commit instead of waiting for a poll.
 */
@ApplicationScoped
public class OutboxListener {

    static final String CHANNEL = "outbox_pending";

    private final OutboxRelay relay;
    private final OutboxConfig config;
    private final PostgresNotifications notifications;

    public OutboxListener(OutboxRelay relay, OutboxConfig config, PostgresNotifications notifications) {
        this.relay = relay;
        this.config = config;
        this.notifications = notifications;
    }

    void start(@Observes StartupEvent event) {
        if (config.enabled()) {
            notifications.listen(CHANNEL, relay::wakeUp);
        }
    }
}
