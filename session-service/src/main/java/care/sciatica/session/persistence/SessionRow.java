package care.sciatica.session.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A stored treatment session: a few columns to query by, and the domain's snapshot to rebuild it from. */
@Entity
@Table(name = "treatment_session")
public class SessionRow extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID caseId;
    public String siteId;
    public String patientRef;
    public String therapistRef;
    public int planVersion;
    /** The visit of the episode this session treats, as its plan named it. */
    public int visit = 1;
    public String state;
    public String snapshot;
    /** The therapist's free text: it stays in this service, never in an event or the audit. */
    public String notes;
    public String notesUpdatedBy;
    public Instant notesUpdatedAt;
    public Instant openedAt;
    public Instant flowStart;
    /** The case's trace context, kept from the plan, that the session's commands continue. */
    public String caseTraceparent;
    public Instant updatedAt;

    /** Two therapists' concurrent commands on one session cannot both win. */
    @Version
    public int version;
}
