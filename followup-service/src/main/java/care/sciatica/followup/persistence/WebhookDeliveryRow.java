package care.sciatica.followup.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One message to one subscription: PENDING until DELIVERED, FAILED (retries spent) or GONE (the receiver said 410). */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDeliveryRow extends PanacheEntityBase {

    public static final String PENDING = "PENDING";

    @Id
    public UUID id;
    public UUID subscriptionId;
    public String siteId;
    public String eventType;
    public UUID appointmentId;
    public String payload;
    public String status;
    public int attempts;
    public Instant nextAttemptAt;
    public Instant createdAt;
    public Instant finishedAt;

    /** The Standard Webhooks message id, the same on every attempt and replay of this delivery. */
    public static String messageId(UUID deliveryId) {
        return "msg_" + deliveryId.toString().replace("-", "");
    }
}
