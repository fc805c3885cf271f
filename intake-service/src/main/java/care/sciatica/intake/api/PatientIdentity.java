package care.sciatica.intake.api;

import java.time.Instant;
import java.time.LocalDate;

/** Who a patient is, as held here; after an erasure only the reference, the dates and the site remain. */
public record PatientIdentity(String patientRef, String givenName, String familyName, LocalDate birthDate,
                              String phone, String email, String registeredSiteId, Instant registeredAt,
                              Instant erasedAt) {
}
