package care.sciatica.intake.api;

import java.time.Instant;
import java.util.List;

/**
 * Everything the intake service holds about a patient at the caller's sites, for a subject access request: identity
 * and contact, each case with its booking references, and every version of every history.
 */
public record PatientExport(Instant exportedAt, PatientIdentity patient, List<CaseView> cases) {
}
