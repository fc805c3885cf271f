package care.sciatica.followup.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** The stored version of an appointment; the domain's Appointment is rebuilt from it for every change. */
@Entity
@Table(name = "appointment")
public class AppointmentRow extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID caseId;
    public String siteId;
    public String patientRef;
    public String therapistRef;
    public Instant startsAt;
    public Instant endsAt;
    public String state;
    public int sequence;
    public String reason;
    public String changedBy;
    public Instant previousStart;
    public Instant previousEnd;
    public String cancelReason;
    public boolean flaggedForLead;
    public Instant createdAt;
    /** When the latest version was stored; null for rows from before it was kept. */
    public Instant updatedAt;
}
