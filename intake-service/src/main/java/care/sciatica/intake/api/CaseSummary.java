package care.sciatica.intake.api;

import care.sciatica.contracts.common.ExternalRef;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A case without its history: for lists, and as the answer to opening one or attaching a booking reference. */
public record CaseSummary(UUID caseId, String siteId, String patientRef, String status, Instant openedAt,
                          List<ExternalRef> externalRefs) {
}
