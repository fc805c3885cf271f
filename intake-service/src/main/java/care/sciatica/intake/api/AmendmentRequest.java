package care.sciatica.intake.api;

import care.sciatica.contracts.intake.AmendmentReason;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A complete new version of a case's history. {@code supersedesVersion} names the version it replaces, which must be
 * the latest, so that an amendment made from an outdated screen is refused instead of silently undoing another.
 */
public record AmendmentRequest(
        @NotNull(message = "is required") @Min(value = 1, message = "must be at least {value}") Integer supersedesVersion,
        @NotNull(message = "is required") AmendmentReason amendmentReason,
        @NotNull(message = "is required") @Schema(type = SchemaType.OBJECT, description = ApiDocs.HISTORY)
        JsonNode history) {
}
