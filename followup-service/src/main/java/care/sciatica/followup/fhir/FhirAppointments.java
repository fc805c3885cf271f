package care.sciatica.followup.fhir;

import care.sciatica.followup.domain.calendar.SiteCalendar;
import care.sciatica.followup.domain.calendar.Slot;
import care.sciatica.followup.domain.calendar.Therapist;
import care.sciatica.followup.persistence.AppointmentRow;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;
import org.hl7.fhir.r4.model.Appointment.ParticipantRequired;
import org.hl7.fhir.r4.model.Appointment.ParticipationStatus;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Schedule;

import care.sciatica.contracts.followup.CancelReason;
import care.sciatica.contracts.followup.ScheduleReason;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Maps appointments, therapists' schedules and free slots to FHIR R4 resources. Patients and therapists are named by
 * their opaque references as identifiers (they are not FHIR ids, and only intake-service knows the person).
 */
public final class FhirAppointments {

    public static final String PATIENT_REF_SYSTEM = "https://sciatica.care/fhir/sid/patient-ref";
    public static final String STAFF_REF_SYSTEM = "https://sciatica.care/fhir/sid/staff-ref";
    public static final String SITE_SYSTEM = "https://sciatica.care/fhir/sid/site";
    public static final String CODE_SYSTEM_BASE = "https://sciatica.care/fhir/CodeSystem/";
    public static final String REASON_ID = "follow-up-reason";
    public static final String CANCEL_ID = "cancel-reason";
    public static final String REASON_SYSTEM = CODE_SYSTEM_BASE + REASON_ID;
    public static final String CANCEL_SYSTEM = CODE_SYSTEM_BASE + CANCEL_ID;

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
        appointment.setMinutesDuration((int) Duration.between(row.startsAt, row.endsAt).toMinutes());
        appointment.setCreated(Date.from(row.createdAt));
        if (row.updatedAt != null) {
            appointment.getMeta().setLastUpdated(Date.from(row.updatedAt));
        }
        appointment.addReasonCode(new CodeableConcept().addCoding(
                new Coding(REASON_SYSTEM, row.reason, display(ScheduleReason.valueOf(row.reason)))));
        if (row.cancelReason != null) {
            appointment.setCancelationReason(new CodeableConcept().addCoding(
                    new Coding(CANCEL_SYSTEM, row.cancelReason, display(CancelReason.valueOf(row.cancelReason)))));
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
        return slot(scheduleId, slot, org.hl7.fhir.r4.model.Slot.SlotStatus.FREE);
    }

    /** A slot of a schedule: its id is the schedule's and the start's epoch second, so that it can be read again. */
    public static org.hl7.fhir.r4.model.Slot slot(String scheduleId, Slot slot, org.hl7.fhir.r4.model.Slot.SlotStatus status) {
        org.hl7.fhir.r4.model.Slot resource = new org.hl7.fhir.r4.model.Slot();
        resource.setId(slotId(scheduleId, slot.start().getEpochSecond()));
        resource.setSchedule(new Reference("Schedule/" + scheduleId));
        resource.setStatus(status);
        resource.setStart(Date.from(slot.start()));
        resource.setEnd(Date.from(slot.end()));
        return resource;
    }

    public static String slotId(String scheduleId, long epochSecond) {
        return scheduleId + "." + epochSecond;
    }

    /** The schedule id and the start's epoch second of a slot id, or empty when it is not one of ours. */
    public static Optional<String[]> parseSlotId(String id) {
        int dot = id.lastIndexOf('.');
        if (dot < 1 || !id.substring(dot + 1).matches("[0-9]{1,12}")) {
            return Optional.empty();
        }
        return parseScheduleId(id.substring(0, dot)).map(ignored -> new String[] {id.substring(0, dot), id.substring(dot + 1)});
    }

    /** The site as a Location: the place every appointment, schedule and slot of it refers to. */
    public static Location location(SiteCalendar calendar) {
        Location location = new Location();
        location.setId(calendar.siteId());
        location.setStatus(Location.LocationStatus.ACTIVE);
        location.setMode(Location.LocationMode.INSTANCE);
        location.setName(calendar.siteId());
        location.addIdentifier().setSystem(SITE_SYSTEM).setValue(calendar.siteId());
        location.setDescription("Clinic site " + calendar.siteId() + "; times are kept in " + calendar.zone()
                + ", appointments last " + calendar.slotLength().toMinutes() + " minutes");
        location.setPhysicalType(new CodeableConcept().addCoding(new Coding(
                "http://terminology.hl7.org/CodeSystem/location-physical-type", "bu", "Building")));
        return location;
    }

    /** Our own codes, published so that a validator (or a person) can look them up: why scheduled, why cancelled. */
    public static List<CodeSystem> codeSystems() {
        return List.of(codeSystem(REASON_ID, "FollowUpReason", "Why a follow-up appointment was scheduled when it was",
                        List.of(ScheduleReason.values())),
                codeSystem(CANCEL_ID, "CancelReason", "Why an appointment was cancelled", List.of(CancelReason.values())));
    }

    private static CodeSystem codeSystem(String id, String name, String description, List<? extends Enum<?>> codes) {
        CodeSystem system = new CodeSystem();
        system.setId(id);
        system.setUrl(CODE_SYSTEM_BASE + id);
        system.setVersion("1");
        system.setName(name);
        system.setTitle(description);
        system.setStatus(Enumerations.PublicationStatus.ACTIVE);
        system.setExperimental(false);
        system.setPublisher("Sciatica Care Platform");
        system.setDescription(description + ".");
        system.setCaseSensitive(true);
        system.setContent(CodeSystem.CodeSystemContentMode.COMPLETE);
        system.setCount(codes.size());
        codes.forEach(code -> system.addConcept().setCode(code.name()).setDisplay(display(code)));
        return system;
    }

    /** ROUTINE_INTERVAL reads as "Routine interval". */
    static String display(Enum<?> code) {
        String words = code.name().toLowerCase().replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
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

    public static Reference patient(String patientRef) {
        return new Reference().setIdentifier(new Identifier().setSystem(PATIENT_REF_SYSTEM).setValue(patientRef));
    }

    public static Reference practitioner(String therapistRef) {
        return new Reference().setType("Practitioner")
                .setIdentifier(new Identifier().setSystem(STAFF_REF_SYSTEM).setValue(therapistRef));
    }

    public static Reference location(String siteId) {
        return new Reference("Location/" + siteId);
    }
}
