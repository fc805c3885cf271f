package care.sciatica.followup.usecase;

import care.sciatica.followup.domain.webhook.WebhookSecret;
import care.sciatica.followup.persistence.WebhookDeliveryRow;
import care.sciatica.followup.persistence.WebhookSubscriptionRow;
import care.sciatica.followup.webhook.SecretBox;
import care.sciatica.platform.audit.AuditLog;
import care.sciatica.platform.idempotency.IdempotentRequests;
import care.sciatica.platform.problem.ProblemException;
import care.sciatica.platform.security.SiteScope;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * Subscriptions to a site's appointment events, and replays of single deliveries; every change audited. The secret is
 * generated here and shown to the subscriber once, in the answer to the creation.
 */
@ApplicationScoped
public class ManageWebhooks {

    private final SiteScope siteScope;
    private final IdempotentRequests idempotentRequests;
    private final AuditLog auditLog;
    private final SecretBox secrets;

    public ManageWebhooks(SiteScope siteScope, IdempotentRequests idempotentRequests, AuditLog auditLog,
                          SecretBox secrets) {
        this.siteScope = siteScope;
        this.idempotentRequests = idempotentRequests;
        this.auditLog = auditLog;
        this.secrets = secrets;
    }

    /** A subscription as created, with the only copy of its secret the subscriber will ever see. */
    public record Created(UUID id, String secret) {
    }

    @WithTransaction
    public Uni<Created> subscribe(String siteId, String url, String eventTypes, String key, Object request) {
        siteScope.requireMember(siteId);
        requireWebUrl(url);
        return idempotentRequests.once("webhooks:subscribe:" + siteScope.caller(), key, request, Created.class, () -> {
            WebhookSubscriptionRow row = new WebhookSubscriptionRow();
            row.id = UUID.randomUUID();
            row.siteId = siteId;
            row.url = url;
            row.eventTypes = eventTypes;
            // Sealed in the row and in the remembered answer (a repeated request answers the same secret).
            row.secret = secrets.seal(WebhookSecret.generate().encoded());
            row.enabled = true;
            row.createdBy = siteScope.caller();
            row.createdAt = Instant.now();
            row.updatedAt = row.createdAt;
            return row.persist()
                    .chain(() -> audit("webhook.subscribed", row, "url=" + url + " events=" + eventTypes))
                    .replaceWith(new Created(row.id, row.secret));
        }).map(created -> new Created(created.id(), secrets.open(created.secret())));
    }

    /** Changes the URL and event types, and enables or disables it; re-enabling clears the reason it was disabled. */
    @WithTransaction
    public Uni<WebhookSubscriptionRow> update(UUID id, String url, String eventTypes, boolean enabled) {
        requireWebUrl(url);
        return load(id).chain(row -> {
            row.url = url;
            row.eventTypes = eventTypes;
            row.disabledReason = enabled ? null : row.enabled ? "disabled by " + siteScope.caller() : row.disabledReason;
            row.enabled = enabled;
            row.updatedAt = Instant.now();
            return audit("webhook.updated", row, "url=" + url + " events=" + eventTypes + " enabled=" + enabled)
                    .replaceWith(row);
        });
    }

    /** A rotated secret, shown once, and until when the one it replaced also signs. */
    public record Rotated(String secret, Instant previousSignsUntil) {
    }

    /** Replaces the secret; the old one keeps signing (alongside) for {@code overlap}. */
    @WithTransaction
    public Uni<Rotated> rotateSecret(UUID id, java.time.Duration overlap) {
        return load(id).chain(row -> {
            Instant now = Instant.now();
            String secret = WebhookSecret.generate().encoded();
            row.previousSecret = row.secret;
            row.previousSecretUntil = now.plus(overlap);
            row.secret = secrets.seal(secret);
            row.updatedAt = now;
            return audit("webhook.secret-rotated", row, "overlapUntil=" + row.previousSecretUntil)
                    .replaceWith(new Rotated(secret, row.previousSecretUntil));
        });
    }

    @WithTransaction
    public Uni<Void> unsubscribe(UUID id) {
        return load(id).chain(row -> audit("webhook.unsubscribed", row, "url=" + row.url).chain(row::delete));
    }

    /** Sends a delivery again under the same webhook-id, whatever became of it; its attempts are kept. */
    @WithTransaction
    public Uni<WebhookDeliveryRow> replay(UUID deliveryId) {
        return WebhookDeliveryRow.<WebhookDeliveryRow>findById(deliveryId)
                .map(found -> siteScope.visible(found, row -> row.siteId, "webhook delivery", deliveryId))
                .chain(delivery -> load(delivery.subscriptionId).chain(subscription -> {
                    if (!subscription.enabled) {
                        throw ProblemException.conflict("webhook/subscription-disabled",
                                "Subscription " + subscription.id + " is disabled (" + subscription.disabledReason
                                        + "); enable it before replaying");
                    }
                    delivery.status = WebhookDeliveryRow.PENDING;
                    delivery.nextAttemptAt = Instant.now();
                    delivery.finishedAt = null;
                    return audit("webhook.replayed", subscription, "delivery=" + deliveryId).replaceWith(delivery);
                }));
    }

    public Uni<WebhookSubscriptionRow> load(UUID id) {
        return WebhookSubscriptionRow.<WebhookSubscriptionRow>findById(id)
                .map(found -> siteScope.visible(found, row -> row.siteId, "webhook subscription", id));
    }

    private Uni<Void> audit(String action, WebhookSubscriptionRow row, String detail) {
        return auditLog.record(siteScope.caller(), action, row.siteId, null, row.id.toString(), detail);
    }

    /**
     * Only absolute http(s) URLs with a host and no credentials. This is not SSRF protection on its own: production
     * must also restrict targets (egress proxy or allow-list, no private, loopback or link-local addresses).
     */
    static void requireWebUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.invalid("url", "is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw ProblemException.invalid("url", "must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw ProblemException.invalid("url", "must name a host, without credentials or a fragment");
        }
    }
}
