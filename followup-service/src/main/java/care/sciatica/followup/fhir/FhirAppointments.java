package care.sciatica.followup.fhir;

import care.sciatica.followup.domain.calendar.SiteCalendar;
import care.sciatica.followup.domain.calendar.Slot;
import care.sciatica.followup.domain.calendar.Therapist;
import care.sciatica.followup.persistence.AppointmentRow;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;
import org.hl7.fhir.r4.model.Appointment.ParticipantRequired;
import org.hl7.fhir.r4.model.Appointment.ParticipationStatus;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Schedule;

import java.util.Date;
import java.util.Optional;

/**
 * Maps appointments, therapists' schedules and free slots to FHIR R4 resources. Patients and therapists are named by
 * their opaque references as identifiers (they are not FHIR ids, and only intake-service knows the person).
 */
public final class FhirAppointments {

    public static final String PATIENT_REF_SYSTEM = "https://sciatica.care/fhir/sid/patient-ref";
    public static final String STAFF_REF_SYSTEM = "https://sciatica.care/fhir/sid/staff-ref";
    public static final String REASON_SYSTEM = "https://sciatica.care/fhir/CodeSystem/follow-up-reason";
    public static final String CANCEL_SYSTEM = "https://sciatica.care/fhir/CodeSystem/cancel-reason";

    private FhirAppointments() {
    }

    public static Appointment appointment(AppointmentRow row) {
        Appointment appointment = new Appointment();
        appointment.setId(row.id.toString());
        appointment.getMeta().setVersionId(Integer.toString(row.sequence));
        AppointmentStatus status = status(row.state);
        appointment.setStatus(status);
        appointment.setStart(Date.from(row.startsAt));
        appointment.setEnd(Date.from(row.endsAt));
        appointment.setMinutesDuration((int) java.time.Duration.between(row.startsAt, row.endsAt).toMinutes());
        appointment.setCreated(Date.from(row.createdAt));
        appointment.addReasonCode(new CodeableConcept().addCoding(
                new org.hl7.fhir.r4.model.Coding(REASON_SYSTEM, row.reason, null)));
        if (row.cancelReason != null) {
            appointment.setCancelationReason(new CodeableConcept().addCoding(
                    new org.hl7.fhir.r4.model.Coding(CANCEL_SYSTEM, row.cancelReason, null)));
        }
        ParticipationStatus patientStatus = switch (status) {
            case BOOKED, FULFILLED, ARRIVED, CHECKEDIN, NOSHOW -> ParticipationStatus.ACCEPTED;
            case CANCELLED -> ParticipationStatus.DECLINED;
            default -> ParticipationStatus.NEEDSACTION;
        };
        appointment.addParticipant().setActor(patient(row.patientRef))
                .setRequired(ParticipantRequired.REQUIRED).setStatus(patientStatus);
        appointment.addParticipant().setActor(practitioner(row.therapistRef))
                .setRequired(ParticipantRequired.REQUIRED).setStatus(ParticipationStatus.ACCEPTED);
        appointment.addParticipant().setActor(location(row.siteId))
                .setRequired(ParticipantRequired.INFORMATIONONLY).setStatus(ParticipationStatus.ACCEPTED);
        return appointment;
    }

    /** Our states in FHIR's words: a moved appointment waits for the patient again, hence pending. */
    public static AppointmentStatus status(String state) {
        return switch (state) {
            case "PROPOSED" -> AppointmentStatus.PROPOSED;
            case "CONFIRMED" -> AppointmentStatus.BOOKED;
            case "RESCHEDULED" -> AppointmentStatus.PENDING;
            case "CANCELLED" -> AppointmentStatus.CANCELLED;
            case "ATTENDED" -> AppointmentStatus.FULFILLED;
            case "NO_SHOW" -> AppointmentStatus.NOSHOW;
            default -> throw new IllegalStateException("Unknown appointment state " + state);
        };
    }

    /** The schedule of one therapist at one site. */
    public static Schedule schedule(SiteCalendar calendar, Therapist therapist) {
        Schedule schedule = new Schedule();
        schedule.setId(scheduleId(calendar.siteId(), therapist.ref()));
        schedule.setActive(true);
        schedule.addActor(practitioner(therapist.ref()));
        schedule.addActor(location(calendar.siteId()));
        schedule.setComment("Slots of " + calendar.slotLength().toMinutes() + " minutes in the opening hours of "
                + calendar.siteId() + " (" + calendar.zone() + ")");
        return schedule;
    }

    public static org.hl7.fhir.r4.model.Slot freeSlot(String scheduleId, Slot slot) {
        org.hl7.fhir.r4.model.Slot resource = new org.hl7.fhir.r4.model.Slot();
        resource.setId(scheduleId + "." + slot.start().getEpochSecond());
        resource.setSchedule(new Reference("Schedule/" + scheduleId));
        resource.setStatus(org.hl7.fhir.r4.model.Slot.SlotStatus.FREE);
        resource.setStart(Date.from(slot.start()));
        resource.setEnd(Date.from(slot.end()));
        return resource;
    }

    /** A FHIR id may not hold an underscore: st_8H3L5V2P at site-north becomes site-north.st-8H3L5V2P. */
    public static String scheduleId(String siteId, String therapistRef) {
        return siteId + "." + therapistRef.replace('_', '-');
    }

    /** The site and therapist of a schedule id, or empty when it is not one of ours. */
    public static Optional<String[]> parseScheduleId(String id) {
        String bare = id.startsWith("Schedule/") ? id.substring("Schedule/".length()) : id;
        int dot = bare.indexOf('.');
        if (dot < 1 || !bare.startsWith("st-", dot + 1)) {
            return Optional.empty();
        }
        return Optional.of(new String[] {bare.substring(0, dot), bare.substring(dot + 1).replaceFirst("^st-", "st_")});
    }

    static Reference patient(String patientRef) {
        return new Reference().setIdentifier(new Identifier().setSystem(PATIENT_REF_SYSTEM).setValue(patientRef));
    }

    static Reference practitioner(String therapistRef) {
        return new Reference().setType("Practitioner")
                .setIdentifier(new Identifier().setSystem(STAFF_REF_SYSTEM).setValue(therapistRef));
    }

    static Reference location(String siteId) {
        return new Reference("Location/" + siteId);
    }
}
