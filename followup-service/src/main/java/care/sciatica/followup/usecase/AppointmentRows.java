package care.sciatica.followup.usecase;

import care.sciatica.contracts.followup.AppointmentSource;
import care.sciatica.contracts.followup.CancelReason;
import care.sciatica.contracts.followup.ScheduleReason;
import care.sciatica.followup.domain.appointment.Appointment;
import care.sciatica.followup.domain.appointment.AppointmentState;
import care.sciatica.followup.persistence.AppointmentRow;

import java.time.Instant;
import java.util.UUID;

/** Maps the domain's appointment to its stored row and back. */
public final class AppointmentRows {

    private AppointmentRows() {
    }

    static AppointmentRow toRow(Appointment appointment, boolean flaggedForLead, Instant createdAt) {
        AppointmentRow row = new AppointmentRow();
        row.id = appointment.id();
        row.caseId = UUID.fromString(appointment.caseId());
        row.flaggedForLead = flaggedForLead;
        row.createdAt = createdAt;
        update(row, appointment);
        return row;
    }

    /** Copies a new version of the appointment onto its (managed) row. */
    static void update(AppointmentRow row, Appointment appointment) {
        row.siteId = appointment.siteId();
        row.patientRef = appointment.patientRef();
        row.therapistRef = appointment.therapistRef();
        row.startsAt = appointment.start();
        row.endsAt = appointment.end();
        row.state = appointment.state().name();
        row.sequence = appointment.sequence();
        row.reason = appointment.reason().name();
        row.changedBy = appointment.changedBy().name();
        row.previousStart = appointment.previousStart();
        row.previousEnd = appointment.previousEnd();
        row.cancelReason = appointment.cancelReason() == null ? null : appointment.cancelReason().name();
        row.updatedAt = Instant.now();
    }

    public static Appointment toDomain(AppointmentRow row) {
        return new Appointment(row.id, row.caseId.toString(), row.siteId, row.patientRef, row.therapistRef, row.startsAt,
                row.endsAt, AppointmentState.valueOf(row.state), row.sequence, ScheduleReason.valueOf(row.reason),
                AppointmentSource.valueOf(row.changedBy), row.previousStart, row.previousEnd,
                row.cancelReason == null ? null : CancelReason.valueOf(row.cancelReason));
    }
}
