package care.sciatica.followup.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A therapist's live secret feed token, by its hash; {@code sites} (comma-separated) bounds what the feed shows. */
@Entity
@Table(name = "calendar_feed_token")
public class CalendarFeedTokenRow extends PanacheEntityBase {

    @Id
    public String therapistRef;
    public String tokenHash;
    public String sites;
    public String createdBy;
    public Instant createdAt;
}
