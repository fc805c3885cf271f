package care.sciatica.intake.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.Instant;
import java.time.LocalDate;
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

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    @Column(name = "erased_at")
    public Instant erasedAt;
}
