package care.sciatica.intake.api;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** Who the patient is and how to reach them: stays in the intake service, never in an event. */
public record PatientDetails(
        @NotBlank(message = "is required") @Size(max = 100, message = "must be at most {max} characters")
        String givenName,
        @NotBlank(message = "is required") @Size(max = 100, message = "must be at most {max} characters")
        String familyName,
        @NotNull(message = "is required") @JsonDeserialize(using = IsoDate.class)
        LocalDate birthDate,
        @Size(max = 40, message = "must be at most {max} characters")
        @Pattern(regexp = "[+0-9 ()-]*", message = "may hold only digits, spaces, + ( ) -")
        String phone,
        @Size(max = 200, message = "must be at most {max} characters") @Email(message = "is not an e-mail address")
        String email) {
}
