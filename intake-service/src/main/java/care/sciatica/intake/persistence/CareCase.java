package care.sciatica.intake.persistence;

import care.sciatica.contracts.EventJson;
import care.sciatica.contracts.common.ExternalRef;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** One episode of care for one patient at one site. */
@Entity
@Table(name = "care_case")
public class CareCase extends PanacheEntityBase {

    private static final TypeReference<List<ExternalRef>> REFS = new TypeReference<>() {
    };

    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Column(name = "site_id", nullable = false)
    public String siteId;

    /** A {@link care.sciatica.intake.domain.CaseStatus} name. */
    @Column(nullable = false)
    public String status;

    /** The booking systems' own ids for this case, as the catalogue's ExternalRef list in JSON. */
    @Column(name = "external_refs", nullable = false)
    public String externalRefs;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    /** The patient's cases at these sites, oldest first. */
    public static Uni<List<CareCase>> ofPatient(UUID patientId, Set<String> sites) {
        return list("patientId = ?1 and siteId in ?2 order by openedAt, id", patientId, sites);
    }

    public List<ExternalRef> refs() {
        try {
            return EventJson.mapper().readValue(externalRefs, REFS);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void refs(List<ExternalRef> refs) {
        externalRefs = new String(EventJson.toBytes(refs), StandardCharsets.UTF_8);
    }
}
