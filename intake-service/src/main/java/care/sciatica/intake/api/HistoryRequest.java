package care.sciatica.intake.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The history taken for a case: onset, pain, surgery, conditions, red flags, observation, examination, baselines. */
public record HistoryRequest(
        @NotNull(message = "is required") @Schema(type = SchemaType.OBJECT, description = ApiDocs.HISTORY)
        JsonNode history) {
}
