package care.sciatica.followup.api;

import care.sciatica.followup.domain.webhook.WebhookEventType;
import care.sciatica.followup.persistence.WebhookAttemptRow;
import care.sciatica.followup.persistence.WebhookDeliveryRow;
import care.sciatica.followup.persistence.WebhookSubscriptionRow;
import care.sciatica.platform.problem.ProblemException;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** What goes over the wire for webhook subscriptions and their deliveries; never the stored secret, except once. */
public final class WebhookViews {

    private WebhookViews() {
    }

    /** A new subscription, or the new shape of an existing one. {@code enabled} is ignored on creation. */
    public record SubscriptionRequest(@NotBlank String siteId, @NotBlank @Size(max = 2000) String url,
                                      @NotEmpty List<@NotBlank String> eventTypes, Boolean enabled) {

        /** The event types as stored, after checking each is one a subscriber can have. */
        String storedEventTypes() {
            for (int i = 0; i < eventTypes.size(); i++) {
                if (WebhookEventType.ofWireName(eventTypes.get(i)).isEmpty()) {
                    throw ProblemException.invalid("eventTypes[" + i + "]", "unknown event type '" + eventTypes.get(i)
                            + "'; allowed: " + Arrays.stream(WebhookEventType.values()).map(WebhookEventType::wireName)
                            .collect(Collectors.joining(", ")));
                }
            }
            return eventTypes.stream().distinct().collect(Collectors.joining(","));
        }
    }

    public record Subscription(UUID id, String siteId, String url, List<String> eventTypes, boolean enabled,
                               String disabledReason, Instant createdAt) {
        static Subscription of(WebhookSubscriptionRow row) {
            return new Subscription(row.id, row.siteId, row.url, List.of(row.eventTypes.split(",")), row.enabled,
                    row.disabledReason, row.createdAt);
        }
    }

    /** The answer to a creation: the subscription and its secret, shown this once. */
    /** @param overlapMinutes how long the replaced secret keeps signing too (default a day, at most a week) */
    public record SecretRotation(@jakarta.validation.constraints.Min(0) @jakarta.validation.constraints.Max(10080)
                                 Integer overlapMinutes) {
    }

    /** The new secret, shown once, and until when deliveries also carry the replaced secret's signature. */
    public record RotatedSecret(String secret, Instant previousSecretSignsUntil) {
    }

    public record CreatedSubscription(Subscription subscription, String secret) {
    }

    public record Attempt(int attempt, Instant attemptedAt, Integer statusCode, long durationMs, String outcome,
                          String error) {
        static Attempt of(WebhookAttemptRow row) {
            return new Attempt(row.attempt, row.attemptedAt, row.statusCode, row.durationMs, row.outcome, row.error);
        }
    }

    /** A delivery with its webhook-id (stable across retries and replays) and its attempts in order. */
    public record Delivery(UUID id, String webhookId, UUID subscriptionId, String siteId, String eventType,
                           UUID appointmentId, String status, int attempts, Instant nextAttemptAt, Instant createdAt,
                           Instant finishedAt, List<Attempt> log) {
        static Delivery of(WebhookDeliveryRow row, List<WebhookAttemptRow> attempts) {
            return new Delivery(row.id, WebhookDeliveryRow.messageId(row.id), row.subscriptionId, row.siteId,
                    row.eventType, row.appointmentId, row.status, row.attempts,
                    WebhookDeliveryRow.PENDING.equals(row.status) ? row.nextAttemptAt : null, row.createdAt,
                    row.finishedAt, attempts.stream().map(Attempt::of).toList());
        }
    }
}
