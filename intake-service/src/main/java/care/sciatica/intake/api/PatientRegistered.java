package care.sciatica.intake.api;

import java.time.Instant;

/** The reference to use for a newly registered patient; deliberately without identity, since it is kept for replays. */
public record PatientRegistered(String patientRef, String siteId, Instant registeredAt) {
}
