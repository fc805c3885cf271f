package care.sciatica.intake.api;

import care.sciatica.contracts.common.ExternalRef;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A booking system's own patient id, and optionally appointment id, for a case; limits as in the events. */
public record ExternalRefForm(
        @NotBlank(message = "is required")
        @Pattern(regexp = "[a-z][a-z0-9-]{1,39}", message = "must be a short lower-case system name, e.g. bookwise")
        String system,
        @NotBlank(message = "is required") @Size(max = 64, message = "must be at most {max} characters")
        String patientId,
        @Size(min = 1, max = 64, message = "must be 1 to {max} characters")
        String appointmentId) {

    /** A case holds at most this many. */
    public static final int MAX_PER_CASE = 10;

    public ExternalRef toRef() {
        return new ExternalRef(system, patientId, appointmentId);
    }
}
