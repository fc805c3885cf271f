package care.sciatica.intake.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One episode of care for one patient at one site. */
@Entity
@Table(name = "care_case")
public class CareCase extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Column(name = "site_id", nullable = false)
    public String siteId;

    @Column(nullable = false)
    public String status;

    /** The booking systems' own ids for this case, as the catalogue's ExternalRef list in JSON. */
    @Column(name = "external_refs", nullable = false)
    public String externalRefs;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;
}
