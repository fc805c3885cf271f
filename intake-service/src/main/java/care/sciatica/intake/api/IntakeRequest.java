package care.sciatica.intake.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** A first visit as the front desk records it: who the patient is, where, and the history taken. */
public record IntakeRequest(
        @NotBlank @Pattern(regexp = "site-[a-z0-9]+(-[a-z0-9]+)*", message = "must look like site-north") String siteId,
        @NotNull @Valid PatientDetails patient,
        @Valid List<@NotNull @Valid ExternalRefForm> externalRefs,
        @NotNull JsonNode history) {

    /** Identity and contact: stays in the intake service. */
    public record PatientDetails(
            @NotBlank @Size(max = 100) String givenName,
            @NotBlank @Size(max = 100) String familyName,
            @NotNull @Past LocalDate birthDate,
            @Size(max = 40) @Pattern(regexp = "[+0-9 ()-]*", message = "may hold only digits, spaces, + ( ) -") String phone,
            @Size(max = 200) @Email String email) {
    }

    /** A booking system's own patient and appointment ids. */
    public record ExternalRefForm(
            @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,39}", message = "must be a short lower-case system name")
            String system,
            @NotBlank @Size(max = 100) String patientId,
            @Size(max = 100) String appointmentId) {
    }
}
