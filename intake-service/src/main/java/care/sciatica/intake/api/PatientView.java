package care.sciatica.intake.api;

import java.util.List;

/** A patient and their cases at the caller's sites. */
public record PatientView(PatientIdentity patient, List<CaseSummary> cases) {
}
