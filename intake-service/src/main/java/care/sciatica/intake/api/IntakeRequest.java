package care.sciatica.intake.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** A first visit in one request, as a booking system or the front desk sends it: patient, site and history. */
public record IntakeRequest(
        @NotBlank(message = "is required") @Pattern(regexp = SITE_ID, message = SITE_ID_MESSAGE) String siteId,
        @NotNull(message = "is required") @Valid PatientDetails patient,
        @Size(max = ExternalRefForm.MAX_PER_CASE, message = "must hold at most {max} references")
        List<@NotNull(message = "is required") @Valid ExternalRefForm> externalRefs,
        @NotNull(message = "is required") @Schema(type = SchemaType.OBJECT, description = ApiDocs.HISTORY)
        JsonNode history) {

    static final String SITE_ID = "site-[a-z0-9]+(-[a-z0-9]+)*";
    static final String SITE_ID_MESSAGE = "must be a site id such as site-north";
}
