package care.sciatica.followup.fhir;

import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import care.sciatica.followup.domain.calendar.SiteCalendar;
import care.sciatica.followup.domain.calendar.Therapist;
import care.sciatica.followup.usecase.FollowUpSeeds;
import care.sciatica.platform.security.SiteScope;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Schedule;

import java.util.List;
import java.util.Optional;

/** The therapists' schedules: one per therapist and site, id {@code {siteId}.st-XXXXXXXX}, at the caller's sites. */
public class ScheduleProvider implements IResourceProvider {

    private final SiteScope siteScope;
    private final FollowUpSeeds.SiteCalendars calendars;
    private final FhirNarratives narratives;

    ScheduleProvider(SiteScope siteScope, FollowUpSeeds.SiteCalendars calendars, FhirNarratives narratives) {
        this.siteScope = siteScope;
        this.calendars = calendars;
        this.narratives = narratives;
    }

    @Override
    public Class<Schedule> getResourceType() {
        return Schedule.class;
    }

    @Read
    public Schedule read(@IdParam IdType id) {
        return narratives.described(visible(id.getIdPart()).orElseThrow(() -> new ResourceNotFoundException(id)));
    }

    @Search
    public List<Schedule> search(
            @Description(shortDefinition = "The site (actor=Location/{siteId}) or the therapist, by identifier only "
                    + "(actor:identifier=" + FhirAppointments.STAFF_REF_SYSTEM + "|st_…)")
            @OptionalParam(name = Schedule.SP_ACTOR) ReferenceParam actor,
            RequestDetails request) {
        Optional<String> staff = FhirIdentifiers.modifierValue(request, Schedule.SP_ACTOR, FhirAppointments.STAFF_REF_SYSTEM);
        String siteId = actor == null || staff.isPresent() ? null : AppointmentProvider.locationId(actor);
        String therapistRef = staff.orElse(null);
        return calendars.bySite().values().stream()
                .filter(calendar -> !siteScope.listable(calendar.siteId()).isEmpty())
                .filter(calendar -> siteId == null || siteId.equals(calendar.siteId()))
                .flatMap(calendar -> calendar.therapists().stream()
                        .filter(therapist -> therapistRef == null || therapistRef.equals(therapist.ref()))
                        .map(therapist -> FhirAppointments.schedule(calendar, therapist)))
                .map(narratives::described)
                .toList();
    }

    /** The schedule of this id if it is one of the caller's sites'. */
    Optional<Schedule> visible(String scheduleId) {
        return calendarOf(scheduleId).flatMap(calendar -> therapistOf(calendar, scheduleId)
                .map(therapist -> FhirAppointments.schedule(calendar, therapist)));
    }

    Optional<SiteCalendar> calendarOf(String scheduleId) {
        return FhirAppointments.parseScheduleId(scheduleId)
                .filter(parts -> calendars.bySite().containsKey(parts[0]) && !siteScope.listable(parts[0]).isEmpty())
                .map(parts -> calendars.of(parts[0]));
    }

    static Optional<Therapist> therapistOf(SiteCalendar calendar, String scheduleId) {
        return FhirAppointments.parseScheduleId(scheduleId).flatMap(parts -> calendar.therapist(parts[1]));
    }
}
