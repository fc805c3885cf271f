package care.sciatica.followup.api;

import care.sciatica.followup.domain.appointment.Appointment;
import care.sciatica.followup.persistence.AppointmentRow;
import care.sciatica.followup.usecase.ChangeAppointment;

import java.time.Instant;
import java.util.UUID;

/** An appointment as the front desk and booking systems read it. */
public record AppointmentView(UUID appointmentId, UUID caseId, String siteId, String patientRef, String therapistRef,
                              Instant start, Instant end, String status, int sequence, String reason,
                              boolean flaggedForLead) {

    static AppointmentView of(AppointmentRow row) {
        return new AppointmentView(row.id, row.caseId, row.siteId, row.patientRef, row.therapistRef, row.startsAt,
                row.endsAt, row.state, row.sequence, row.reason, row.flaggedForLead);
    }

    static AppointmentView of(ChangeAppointment.Changed changed) {
        Appointment a = changed.appointment();
        return new AppointmentView(a.id(), java.util.UUID.fromString(a.caseId()), a.siteId(), a.patientRef(),
                a.therapistRef(), a.start(), a.end(), a.state().name(), a.sequence(), a.reason().name(),
                changed.flaggedForLead());
    }
}
