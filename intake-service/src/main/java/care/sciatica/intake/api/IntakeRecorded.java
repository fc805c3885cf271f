package care.sciatica.intake.api;

import java.util.UUID;

/** What the front desk gets back: the references to use from now on. */
public record IntakeRecorded(String patientRef, UUID caseId, String siteId, int historyVersion) {
}
