package care.sciatica.platform.testapp;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What the test consumer stored for each event it processed. */
@Entity
@Table(name = "received_event")
public class ReceivedEvent extends PanacheEntityBase {

    @Id
    public String eventId;

    public String subject;

    public int attempts;
}
