package care.sciatica.followup.usecase;

import care.sciatica.followup.domain.appointment.Appointment;
import care.sciatica.followup.persistence.AppointmentRow;

import java.time.Instant;
import java.util.UUID;

/** Maps the domain's appointment to its stored row. */
final class AppointmentRows {

    private AppointmentRows() {
    }

    static AppointmentRow toRow(Appointment appointment, boolean flaggedForLead, Instant createdAt) {
        AppointmentRow row = new AppointmentRow();
        row.id = appointment.id();
        row.caseId = UUID.fromString(appointment.caseId());
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
        row.flaggedForLead = flaggedForLead;
        row.createdAt = createdAt;
        return row;
    }
}
