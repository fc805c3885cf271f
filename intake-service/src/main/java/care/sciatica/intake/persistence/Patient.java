package care.sciatica.intake.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/** A patient's identity and contact details: held here and nowhere else, known elsewhere only by the patientRef. */
@Entity
public class Patient extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "patient_ref", nullable = false, unique = true)
    public String patientRef;

    @Column(name = "given_name")
    public String givenName;

    @Column(name = "family_name")
    public String familyName;

    @Column(name = "birth_date")
    public LocalDate birthDate;

    public String phone;

    public String email;

    /** The site that registered the patient; a case at another site makes the patient visible there too. */
    @Column(name = "registered_site_id", nullable = false)
    public String registeredSiteId;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    /** When the identity was erased on the patient's request; the clinical record stays under the patientRef. */
    @Column(name = "erased_at")
    public Instant erasedAt;

    /** The patient, when one of {@code sites} registered them or holds one of their cases; otherwise null. */
    public static Uni<Patient> findVisible(String patientRef, Set<String> sites) {
        if (sites.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        return find("""
                from Patient p where p.patientRef = ?1 and (p.registeredSiteId in ?2
                    or exists (select 1 from CareCase c where c.patientId = p.id and c.siteId in ?2))""",
                patientRef, sites).firstResult();
    }

    /** Forgets who the patient is: every identity and contact field goes, the reference and dates stay. */
    public void eraseIdentity(Instant at) {
        givenName = null;
        familyName = null;
        birthDate = null;
        phone = null;
        email = null;
        erasedAt = at;
    }

    public boolean erased() {
        return erasedAt != null;
    }
}
