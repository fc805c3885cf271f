package care.sciatica.intake.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** A new episode of care for a registered patient at one of the caller's sites. */
public record OpenCaseRequest(
        @NotBlank(message = "is required")
        @Pattern(regexp = "pt_[0-9A-Z]{8}", message = "must be a patient reference such as pt_7Q2M9X4K") String patientRef,
        @NotBlank(message = "is required")
        @Pattern(regexp = IntakeRequest.SITE_ID, message = IntakeRequest.SITE_ID_MESSAGE) String siteId,
        @Size(max = ExternalRefForm.MAX_PER_CASE, message = "must hold at most {max} references")
        List<@NotNull(message = "is required") @Valid ExternalRefForm> externalRefs) {
}
