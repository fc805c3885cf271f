package care.sciatica.followup.api;

import care.sciatica.followup.persistence.WebhookAttemptRow;
import care.sciatica.followup.persistence.WebhookDeliveryRow;
import care.sciatica.followup.persistence.WebhookSubscriptionRow;
import care.sciatica.followup.usecase.ManageWebhooks;
import care.sciatica.platform.idempotency.IdempotentRequests;
import care.sciatica.platform.security.SiteScope;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestHeader;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Webhook subscriptions per site (admins and booking systems), and the log of deliveries with a replay. */
@Path("/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"admin", "booking-system"})
public class WebhookResource {

    private final ManageWebhooks manage;
    private final SiteScope siteScope;

    public WebhookResource(ManageWebhooks manage, SiteScope siteScope) {
        this.manage = manage;
        this.siteScope = siteScope;
    }

    @POST
    @Path("subscriptions")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @WithSession
    public Uni<WebhookViews.CreatedSubscription> subscribe(@Valid @NotNull WebhookViews.SubscriptionRequest request,
                                                           @RestHeader(IdempotentRequests.HEADER) String key) {
        String eventTypes = request.storedEventTypes();
        return manage.subscribe(request.siteId(), request.url(), eventTypes, key, request)
                .chain(created -> manage.load(created.id()).map(row ->
                        new WebhookViews.CreatedSubscription(WebhookViews.Subscription.of(row), created.secret())));
    }

    @GET
    @Path("subscriptions")
    @WithSession
    public Uni<List<WebhookViews.Subscription>> subscriptions(@QueryParam("siteId") String siteId) {
        Set<String> sites = siteScope.listable(siteId);
        if (sites.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return WebhookSubscriptionRow.<WebhookSubscriptionRow>list("siteId in ?1 order by createdAt", sites)
                .map(rows -> rows.stream().map(WebhookViews.Subscription::of).toList());
    }

    @GET
    @Path("subscriptions/{id}")
    @WithSession
    public Uni<WebhookViews.Subscription> subscription(@PathParam("id") UUID id) {
        return manage.load(id).map(WebhookViews.Subscription::of);
    }

    @PUT
    @Path("subscriptions/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<WebhookViews.Subscription> update(@PathParam("id") UUID id,
                                                 @Valid @NotNull WebhookViews.SubscriptionRequest request) {
        String eventTypes = request.storedEventTypes();
        return manage.update(id, request.url(), eventTypes, request.enabled() == null || request.enabled())
                .map(WebhookViews.Subscription::of);
    }

    @DELETE
    @Path("subscriptions/{id}")
    @ResponseStatus(204)
    public Uni<Void> unsubscribe(@PathParam("id") UUID id) {
        return manage.unsubscribe(id);
    }

    /** The deliveries of one subscription, newest first, each with its attempts. */
    @GET
    @Path("subscriptions/{id}/deliveries")
    @WithSession
    @RolesAllowed({"admin", "booking-system", "ops"})
    public Uni<List<WebhookViews.Delivery>> deliveries(@PathParam("id") UUID id) {
        return manage.load(id)
                .chain(subscription -> WebhookDeliveryRow.<WebhookDeliveryRow>list(
                        "subscriptionId = ?1 order by createdAt desc", id))
                .chain(deliveries -> WebhookAttemptRow.<WebhookAttemptRow>list(
                                "deliveryId in ?1 order by attempt", deliveries.stream().map(d -> d.id).toList())
                        .map(attempts -> deliveries.stream().map(delivery -> WebhookViews.Delivery.of(delivery,
                                attempts.stream().filter(a -> a.deliveryId.equals(delivery.id)).toList())).toList()));
    }

    @GET
    @Path("deliveries/{id}")
    @WithSession
    @RolesAllowed({"admin", "booking-system", "ops"})
    public Uni<WebhookViews.Delivery> delivery(@PathParam("id") UUID id) {
        return WebhookDeliveryRow.<WebhookDeliveryRow>findById(id)
                .map(found -> siteScope.visible(found, row -> row.siteId, "webhook delivery", id))
                .chain(this::withAttempts);
    }

    /** Queues the delivery again under the same webhook-id; the worker sends it on its next pass. */
    /**
     * Rotates the subscription's signing secret: the new one is answered once; for the overlap (a day unless the
     * body says otherwise) every delivery is signed with both, so the receiver can switch at its own pace. The body
     * is optional.
     */
    @POST
    @Path("subscriptions/{id}/secret-rotation")
    public Uni<WebhookViews.RotatedSecret> rotateSecret(@PathParam("id") UUID id,
                                                        @Valid WebhookViews.SecretRotation request) {
        int minutes = request == null || request.overlapMinutes() == null ? 24 * 60 : request.overlapMinutes();
        return manage.rotateSecret(id, java.time.Duration.ofMinutes(minutes))
                .map(rotated -> new WebhookViews.RotatedSecret(rotated.secret(), rotated.previousSignsUntil()));
    }

    @POST
    @Path("deliveries/{id}/replay")
    @ResponseStatus(202)
    @WithSession
    public Uni<WebhookViews.Delivery> replay(@PathParam("id") UUID id) {
        return manage.replay(id).chain(this::withAttempts);
    }

    private Uni<WebhookViews.Delivery> withAttempts(WebhookDeliveryRow delivery) {
        return WebhookAttemptRow.<WebhookAttemptRow>list("deliveryId = ?1 order by attempt", delivery.id)
                .map(attempts -> WebhookViews.Delivery.of(delivery, attempts));
    }
}
