package care.sciatica.followup.fhir;

import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import care.sciatica.followup.domain.calendar.BusyInterval;
import care.sciatica.followup.domain.calendar.SiteCalendar;
import care.sciatica.followup.domain.calendar.Slot;
import care.sciatica.followup.domain.calendar.SlotFinder;
import care.sciatica.followup.persistence.AppointmentRow;
import io.quarkus.hibernate.reactive.panache.Panache;
import org.hl7.fhir.r4.model.IdType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The slots of a therapist's schedule, computed from the site's calendar and the stored appointments: a search
 * returns the free ones (by default over the next week, at most 31 days at a time); a read answers any slot of the
 * schedule, free or busy.
 */
public class SlotProvider implements IResourceProvider {

    private static final int MAX_SLOT_DAYS = 31;

    private final ScheduleProvider schedules;
    private final FhirNarratives narratives;

    SlotProvider(ScheduleProvider schedules, FhirNarratives narratives) {
        this.schedules = schedules;
        this.narratives = narratives;
    }

    @Override
    public Class<org.hl7.fhir.r4.model.Slot> getResourceType() {
        return org.hl7.fhir.r4.model.Slot.class;
    }

    @Read
    public org.hl7.fhir.r4.model.Slot read(@IdParam IdType id) {
        String[] scheduleAndStart = FhirAppointments.parseSlotId(id.getIdPart())
                .orElseThrow(() -> new ResourceNotFoundException(id));
        String scheduleId = scheduleAndStart[0];
        SiteCalendar calendar = schedules.calendarOf(scheduleId).orElseThrow(() -> new ResourceNotFoundException(id));
        String therapistRef = ScheduleProvider.therapistOf(calendar, scheduleId)
                .orElseThrow(() -> new ResourceNotFoundException(id)).ref();
        Instant start = Instant.ofEpochSecond(Long.parseLong(scheduleAndStart[1]));
        LocalDate day = LocalDate.ofInstant(start, calendar.zone());
        Optional<Slot> slot = SlotFinder.freeSlots(calendar, therapistRef, day, day, List.of(), Instant.EPOCH).stream()
                .filter(candidate -> candidate.start().equals(start)).findFirst();
        if (slot.isEmpty()) {
            throw new ResourceNotFoundException(id);
        }
        List<BusyInterval> busy = busy(therapistRef, start, start.plus(calendar.slotLength()));
        org.hl7.fhir.r4.model.Slot.SlotStatus status = SlotFinder.isFree(slot.get(), busy)
                ? org.hl7.fhir.r4.model.Slot.SlotStatus.FREE : org.hl7.fhir.r4.model.Slot.SlotStatus.BUSY;
        return narratives.described(FhirAppointments.slot(scheduleId, slot.get(), status));
    }

    @Search
    public List<org.hl7.fhir.r4.model.Slot> search(
            @Description(shortDefinition = "The schedule: Schedule/{siteId}.st-XXXXXXXX")
            @RequiredParam(name = org.hl7.fhir.r4.model.Slot.SP_SCHEDULE) ReferenceParam schedule,
            @Description(shortDefinition = "The start: a day (read in the site's zone) or an instant, with eq, ge, gt, "
                    + "le or lt; from now, over 7 days unless bounded, at most 31 days")
            @OptionalParam(name = org.hl7.fhir.r4.model.Slot.SP_START) DateRangeParam start) {
        if (schedule.hasChain() || schedule.hasResourceType() && !"Schedule".equals(schedule.getResourceType())) {
            throw new InvalidRequestException("schedule: a Schedule reference, e.g. Schedule/site-north.st-8H3L5V2P");
        }
        String scheduleId = schedule.getIdPart();
        Optional<SiteCalendar> found = schedules.calendarOf(scheduleId);
        if (found.isEmpty() || ScheduleProvider.therapistOf(found.get(), scheduleId).isEmpty()) {
            return List.of();
        }
        SiteCalendar calendar = found.get();
        String therapistRef = ScheduleProvider.therapistOf(calendar, scheduleId).get().ref();
        DateRange range = FhirDates.range("start", start, calendar.zone());
        Instant now = Instant.now();
        Instant from = range.from() == null || range.from().isBefore(now) ? now : range.from();
        Instant to = range.to() == null ? from.plus(7, ChronoUnit.DAYS) : range.to();
        if (!to.isAfter(from)) {
            return List.of();
        }
        LocalDate firstDay = LocalDate.ofInstant(from, calendar.zone());
        LocalDate lastDay = LocalDate.ofInstant(to.minusMillis(1), calendar.zone());
        if (firstDay.plusDays(MAX_SLOT_DAYS).isBefore(lastDay)) {
            throw new InvalidRequestException("start: covers more than " + MAX_SLOT_DAYS + " days");
        }
        List<BusyInterval> busy = busy(therapistRef, from.minus(1, ChronoUnit.DAYS), to.plus(1, ChronoUnit.DAYS));
        return SlotFinder.freeSlots(calendar, therapistRef, firstDay, lastDay, busy, from).stream()
                .filter(slot -> slot.start().isBefore(to))
                .map(slot -> narratives.described(FhirAppointments.freeSlot(scheduleId, slot)))
                .toList();
    }

    private static List<BusyInterval> busy(String therapistRef, Instant from, Instant to) {
        return FhirCalls.await(() -> Panache.withSession(() -> AppointmentRow.<AppointmentRow>list(
                        "therapistRef = ?1 and state <> 'CANCELLED' and endsAt > ?2 and startsAt < ?3",
                        therapistRef, from, to))
                .map(rows -> rows.stream().map(row -> new BusyInterval(row.therapistRef, row.startsAt, row.endsAt)).toList()));
    }
}
