package care.sciatica.followup.domain.webhook;

/**
 * What one webhook delivery attempt means for the subscription, per Standard Webhooks: 2xx delivered, 410 the endpoint
 * is gone (disable the subscription), 429/502/503/504 the receiver asks us to slow down, anything else a failure to
 * retry; no answer in time or no connection also retries.
 */
public enum DeliveryOutcome {
    DELIVERED,
    ENDPOINT_GONE,
    THROTTLED,
    FAILED,
    TIMED_OUT,
    UNREACHABLE;

    /** Classifies the HTTP status of an answered attempt. */
    public static DeliveryOutcome ofStatus(int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("Not an HTTP status: " + status);
        }
        if (status >= 200 && status < 300) {
            return DELIVERED;
        }
        return switch (status) {
            case 410 -> ENDPOINT_GONE;
            case 429, 502, 503, 504 -> THROTTLED;
            default -> FAILED;
        };
    }

    public boolean succeeded() {
        return this == DELIVERED;
    }

    /** Whether the subscription must be disabled and no further attempt made. */
    public boolean disablesSubscription() {
        return this == ENDPOINT_GONE;
    }

    /** Whether another attempt follows, as the {@link RetrySchedule} allows. */
    public boolean retries() {
        return !succeeded() && !disablesSubscription();
    }
}
