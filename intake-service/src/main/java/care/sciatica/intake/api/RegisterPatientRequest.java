package care.sciatica.intake.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A new patient, registered at one of the caller's sites. */
public record RegisterPatientRequest(
        @NotBlank(message = "is required")
        @Pattern(regexp = IntakeRequest.SITE_ID, message = IntakeRequest.SITE_ID_MESSAGE) String siteId,
        @NotNull(message = "is required") @Valid PatientDetails patient) {
}
