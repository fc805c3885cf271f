package care.sciatica.session.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One entry of a session's timeline: what was recorded (the session event as JSON), by whom and when. */
@Entity
@Table(name = "session_entry")
public class SessionEntry extends PanacheEntityBase {

    /**
     * Also the timeline's order. A sequence rather than identity, so that an entry is inserted at flush after the new
     * session row it refers to.
     */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "session_entry_id")
    @SequenceGenerator(name = "session_entry_id", sequenceName = "session_entry_id_seq", allocationSize = 1)
    public Long id;
    public UUID sessionId;
    public String kind;
    public String recordedBy;
    public Instant recordedAt;
    public String entry;
}
