package care.sciatica.intake.api;

import care.sciatica.contracts.intake.SignChange;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The short review at a follow-up visit: the open visit it reviews, the outcome scores now, the red-flag screen asked
 * again, how the neurological signs changed, and the observation when it was taken again.
 */
public record ReviewRequest(
        @NotNull(message = "is required") @Min(value = 2, message = "must be at least {value}")
        @Max(value = 52, message = "must be at most {value}") Integer visit,
        @NotNull(message = "is required") @Valid Scores scores,
        @NotNull(message = "is required") @Schema(type = SchemaType.OBJECT, description = ApiDocs.RED_FLAGS)
        JsonNode redFlags,
        @NotNull(message = "is required") @Valid NeurologicalChange neurologicalChange,
        @Schema(type = SchemaType.OBJECT, description = ApiDocs.OBSERVATION) JsonNode observation) {

    /** Outcome measures at this visit: pain NRS 0-10, and optionally ODI 0-100 and RMDQ 0-24. */
    public record Scores(
            @NotNull(message = "is required") @Min(value = 0, message = "must be at least {value}")
            @Max(value = 10, message = "must be at most {value}") Integer painNrs,
            @Min(value = 0, message = "must be at least {value}")
            @Max(value = 100, message = "must be at most {value}") Integer odi,
            @Min(value = 0, message = "must be at least {value}")
            @Max(value = 24, message = "must be at most {value}") Integer rmdq) {
    }

    /** How each neurological sign compares with the previous visit. */
    public record NeurologicalChange(
            @NotNull(message = "is required") SignChange power,
            @NotNull(message = "is required") SignChange sensation,
            @NotNull(message = "is required") SignChange reflexes) {
    }
}
