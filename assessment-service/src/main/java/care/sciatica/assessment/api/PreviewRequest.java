package care.sciatica.assessment.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** Findings to assess without a case: a history as intake records it, the patient's age and, optionally, the day. */
public record PreviewRequest(
        @Schema(required = true, description = "A history, as the catalogue's common/history.schema.json defines it")
        JsonNode history,
        @Schema(required = true, minimum = "0", maximum = "130") Integer ageYears,
        @Schema(description = "The day 'recent' surgery and 'new' pain are measured against; default today")
        LocalDate assessedOn
) {
}
