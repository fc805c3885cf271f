package care.sciatica.followup.webhook;

import care.sciatica.platform.outbox.PostgresNotifications;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Wakes the delivery worker on PostgreSQL's {@code webhook_pending} notification, which a trigger raises for every
 * staged or replayed delivery and PostgreSQL sends at commit: a delivery leaves within milliseconds of the change it
 * announces, and the worker's poll is only the safety net (as the platform's outbox relay does for events).
 */
@ApplicationScoped
public class WebhookWakeUp {

    static final String CHANNEL = "webhook_pending";

    private final WebhookDispatcher dispatcher;
    private final WebhookConfig config;
    private final PostgresNotifications notifications;

    public WebhookWakeUp(WebhookDispatcher dispatcher, WebhookConfig config, PostgresNotifications notifications) {
        this.dispatcher = dispatcher;
        this.config = config;
        this.notifications = notifications;
    }

    void start(@Observes StartupEvent event) {
        if (config.enabled()) {
            notifications.listen(CHANNEL, dispatcher::wakeUp);
        }
    }
}
