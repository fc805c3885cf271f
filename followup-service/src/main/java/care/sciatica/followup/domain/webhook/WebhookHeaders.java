package care.sciatica.followup.domain.webhook;

import java.util.Map;

/**
 * The three Standard Webhooks headers of one delivery. The id stays the same on every retry of a message, so that the
 * receiver can use it as its idempotency key; the timestamp and signature are made afresh for each attempt.
 */
public record WebhookHeaders(String id, long timestamp, String signature) {

    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";

    public Map<String, String> asMap() {
        return Map.of(ID, id, TIMESTAMP, Long.toString(timestamp), SIGNATURE, signature);
    }
}
