package care.sciatica.assessment.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One assessment of one history version: a plan or a referral, with the event data it produced. */
@Entity
@Table(name = "assessment")
public class AssessmentRecord extends PanacheEntityBase {

    public static final String CURRENT = "CURRENT";
    public static final String SUPERSEDED = "SUPERSEDED";

    @Id
    public UUID id;
    public UUID caseId;
    public String siteId;
    public String patientRef;
    public int historyVersion;
    public Integer planVersion;
    public String disposition;
    public String status;
    public String primaryOrigin;
    public String urgency;
    public String rulesVersion;
    public String eventType;
    /** The plan-issued or referral-required event data, as published. */
    public String content;
    public Instant assessedAt;

    public static Uni<AssessmentRecord> current(UUID caseId) {
        return find("caseId = ?1 and status = ?2", caseId, CURRENT).firstResult();
    }

    public static Uni<Long> plansOf(UUID caseId) {
        return count("caseId = ?1 and disposition = 'PLAN'", caseId);
    }
}
