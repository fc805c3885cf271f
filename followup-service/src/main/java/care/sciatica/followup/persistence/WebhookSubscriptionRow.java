package care.sciatica.followup.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A booking system's subscription to a site's appointment events; the secret signs every delivery. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscriptionRow extends PanacheEntityBase {

    @Id
    public UUID id;
    public String siteId;
    public String url;
    /** Comma-separated wire names, e.g. "appointment.confirmed,appointment.cancelled". */
    public String eventTypes;
    /** The {@code whsec_} secret; kept because every attempt is signed afresh. */
    public String secret;
    /** After a rotation, the secret it replaced, which also signs until {@link #previousSecretUntil}. */
    public String previousSecret;
    public java.time.Instant previousSecretUntil;
    public boolean enabled;
    public String disabledReason;
    public String createdBy;
    public Instant createdAt;
    public Instant updatedAt;
}
