package care.sciatica.session.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A case's latest plan, on the site's worklist until a therapist opens a session for it (one session per visit). */
@Entity
@Table(name = "plan_ready")
public class PlanReady extends PanacheEntityBase {

    public static final String AWAITING_SESSION = "AWAITING_SESSION";
    public static final String IN_SESSION = "IN_SESSION";
    public static final String REFERRED = "REFERRED";

    @Id
    public UUID caseId;
    public String siteId;
    public String patientRef;
    public int planVersion;
    /** The visit of the episode the plan is for: 1 at intake, 2 and later at follow-up visits. */
    public int visit = 1;
    public String primaryOrigin;
    /** The plan-issued event data, as received. */
    public String plan;
    public String status;
    public Instant receivedAt;
    /** When the case's flow began, as the plan event carried it (null for plans received before it was kept). */
    public Instant flowStart;
    /** The case's trace context as the plan event arrived in it (null when tracing was off). */
    public String caseTraceparent;
}
