package care.sciatica.followup.webhook;

import care.sciatica.followup.domain.webhook.RetrySchedule;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How webhook deliveries run: the worker's pace, its bounds, and the retry schedule (tests shrink it to milliseconds). */
@ConfigMapping(prefix = "sciatica.followup.webhooks")
public interface WebhookConfig {

    /** Whether this instance delivers at all. */
    @WithDefault("true")
    boolean enabled();

    /** How often the worker looks for due deliveries. */
    @WithDefault("1s")
    Duration pollInterval();

    /** How long one attempt may take before it counts as timed out. */
    @WithDefault("15s")
    Duration timeout();

    /** Attempts in flight at once, across all receivers. */
    @WithDefault("8")
    int maxConcurrency();

    /** Deliveries claimed per pass. */
    @WithDefault("32")
    int batchSize();

    Retry retry();

    /**
     * The AES-256-GCM key (base64 of 32 bytes) that keeps the subscriptions' secrets encrypted at rest. No default:
     * production must supply it; only the dev and test profiles carry one (see {@link SecretBox}).
     */
    String secretKey();

    /** The backoff; the defaults are {@link RetrySchedule#standard()}. */
    interface Retry {
        @WithDefault("5s")
        Duration firstDelay();

        @WithDefault("4.0")
        double multiplier();

        @WithDefault("10h")
        Duration maxDelay();

        @WithDefault("10")
        int maxAttempts();

        @WithDefault("0.2")
        double jitter();

        default RetrySchedule schedule() {
            return new RetrySchedule(firstDelay(), multiplier(), maxDelay(), maxAttempts(), jitter());
        }
    }
}
