package care.sciatica.followup.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** The log line of one delivery attempt: when, the receiver's status (if it answered), how long, and what went wrong. */
@Entity
@Table(name = "webhook_attempt")
public class WebhookAttemptRow extends PanacheEntityBase {

    @Id
    public Long id;
    public UUID deliveryId;
    public int attempt;
    public Instant attemptedAt;
    public Integer statusCode;
    public long durationMs;
    public String outcome;
    public String error;
}
