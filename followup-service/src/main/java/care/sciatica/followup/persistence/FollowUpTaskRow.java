package care.sciatica.followup.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A follow-up a person must handle: a call, a clinical lead's review, a referral to arrange, a visit to book by hand. */
@Entity
@Table(name = "followup_task")
public class FollowUpTaskRow extends PanacheEntityBase {

    public static final String OPEN = "OPEN";
    public static final String DONE = "DONE";

    @Id
    public UUID id;
    public UUID caseId;
    public String siteId;
    public String patientRef;
    public String kind;
    public String reason;
    public Instant dueBy;
    public LocalDate windowEarliest;
    public LocalDate windowLatest;
    public boolean flaggedForLead;
    public String status;
    public Instant createdAt;
    public Instant closedAt;
    public String closedBy;
}
