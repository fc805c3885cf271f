package care.sciatica.intake.api;

import java.time.Instant;

/** A patient's identity was erased; their cases' clinical records stay under the patientRef. */
public record Erasure(String patientRef, Instant erasedAt, int casesKept) {
}
