package care.sciatica.followup.api;

import care.sciatica.contracts.followup.CancelReason;
import care.sciatica.followup.domain.appointment.Attendance;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.Instant;

/** The bodies a booking system, the front desk or a therapist sends to change an appointment. */
public final class AppointmentRequests {

    private AppointmentRequests() {
    }

    /**
     * @param start        the new start; the site's slot length gives the end
     * @param therapistRef another therapist of the site, or null to keep the current one
     */
    public record Reschedule(@NotNull Instant start,
                             @Pattern(regexp = "st_[A-Z0-9]{8}", message = "must look like st_XXXXXXXX") String therapistRef) {
    }

    public record Cancel(@NotNull CancelReason reason) {
    }

    /** @param outcome whether the patient came: ATTENDED or NO_SHOW */
    public record RecordAttendance(@NotNull Attendance outcome) {
    }
}
