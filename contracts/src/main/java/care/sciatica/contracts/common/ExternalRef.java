package care.sciatica.contracts.common;

/** An id a booking system uses for the patient (and optionally the appointment); never identity data. */
public record ExternalRef(String system, String patientId, String appointmentId) {
}
