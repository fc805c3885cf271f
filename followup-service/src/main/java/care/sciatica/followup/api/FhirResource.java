package care.sciatica.followup.api;

import ca.uhn.fhir.context.FhirContext;
import care.sciatica.followup.domain.calendar.BusyInterval;
import care.sciatica.followup.domain.calendar.SiteCalendar;
import care.sciatica.followup.domain.calendar.SlotFinder;
import care.sciatica.followup.fhir.DateRange;
import care.sciatica.followup.fhir.FhirAppointments;
import care.sciatica.followup.persistence.AppointmentRow;
import care.sciatica.followup.usecase.FollowUpSeeds;
import care.sciatica.platform.problem.ProblemException;
import care.sciatica.platform.security.SiteScope;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * FHIR R4 read and search for booking systems: Appointment (by patient, date, location, status), the therapists'
 * Schedules and their free Slots. Resources are built with HAPI's model and written by its JSON parser on a worker
 * thread; results are limited to the caller's sites.
 */
@Path("/fhir")
@RolesAllowed({"booking-system", "front-desk", "ops", "therapist", "clinical-lead", "admin"})
public class FhirResource {

    static final String FHIR_JSON = "application/fhir+json";
    private static final int MAX_RESULTS = 500;
    private static final int MAX_SLOT_DAYS = 31;

    private final FhirContext fhir;
    private final SiteScope siteScope;
    private final FollowUpSeeds.SiteCalendars calendars;

    public FhirResource(FhirContext fhir, SiteScope siteScope, FollowUpSeeds.SiteCalendars calendars) {
        this.fhir = fhir;
        this.siteScope = siteScope;
        this.calendars = calendars;
    }

    @GET
    @Path("Appointment/{id}")
    public Uni<Response> appointment(@PathParam("id") UUID id) {
        return Panache.withSession(() -> AppointmentRow.<AppointmentRow>findById(id))
                .map(found -> siteScope.visible(found, row -> row.siteId, "appointment", id))
                .chain(row -> encode(FhirAppointments.appointment(row)));
    }

    @GET
    @Path("Appointment")
    public Uni<Response> searchAppointments(@QueryParam("patient") String patient, @QueryParam("date") List<String> date,
                                            @QueryParam("location") String location, @QueryParam("status") String status,
                                            @Context UriInfo uri) {
        Set<String> sites = siteScope.listable(strip(location, "Location/"));
        StringBuilder query = new StringBuilder("siteId in :sites");
        Parameters parameters = Parameters.with("sites", sites);
        if (patient != null && !patient.isBlank()) {
            query.append(" and patientRef = :patient");
            parameters.and("patient", strip(strip(patient, "Patient/"), FhirAppointments.PATIENT_REF_SYSTEM + "|"));
        }
        if (status != null && !status.isBlank()) {
            query.append(" and state in :states");
            parameters.and("states", List.of(status.split(",")).stream().map(FhirResource::stateOf).toList());
        }
        DateRange range = DateRange.parse("date", date, ZoneOffset.UTC);
        if (range.from() != null) {
            query.append(" and startsAt >= :from");
            parameters.and("from", range.from());
        }
        if (range.to() != null) {
            query.append(" and startsAt < :to");
            parameters.and("to", range.to());
        }
        if (sites.isEmpty()) {
            return encode(searchset(uri, List.of()));
        }
        return Panache.withSession(() -> AppointmentRow.<AppointmentRow>find(query + " order by startsAt", parameters)
                        .range(0, MAX_RESULTS - 1).list())
                .chain(rows -> encode(searchset(uri, rows.stream().<Resource>map(FhirAppointments::appointment).toList())));
    }

    /** The schedules of the caller's sites: one per therapist and site, filtered by a practitioner or a location. */
    @GET
    @Path("Schedule")
    public Uni<Response> schedules(@QueryParam("actor") String actor, @Context UriInfo uri) {
        String wanted = actor == null ? null
                : strip(strip(strip(actor, "Location/"), "Practitioner/"), FhirAppointments.STAFF_REF_SYSTEM + "|");
        List<Resource> schedules = calendars.bySite().values().stream()
                .filter(calendar -> !siteScope.listable(calendar.siteId()).isEmpty())
                .flatMap(calendar -> calendar.therapists().stream()
                        .filter(therapist -> wanted == null || wanted.equals(calendar.siteId())
                                || wanted.equals(therapist.ref()))
                        .map(therapist -> (Resource) FhirAppointments.schedule(calendar, therapist)))
                .toList();
        return encode(searchset(uri, schedules));
    }

    /** The free slots of one schedule, by default over the next week; at most 31 days at a time. */
    @GET
    @Path("Slot")
    public Uni<Response> freeSlots(@QueryParam("schedule") String schedule, @QueryParam("start") List<String> start,
                                   @Context UriInfo uri) {
        if (schedule == null || schedule.isBlank()) {
            throw ProblemException.invalid("schedule", "is required, e.g. Schedule/site-north.st-8H3L5V2P");
        }
        String[] siteAndTherapist = FhirAppointments.parseScheduleId(schedule).orElse(null);
        if (siteAndTherapist == null || siteScope.listable(siteAndTherapist[0]).isEmpty()
                || !calendars.bySite().containsKey(siteAndTherapist[0])) {
            return encode(searchset(uri, List.of()));
        }
        SiteCalendar calendar = calendars.of(siteAndTherapist[0]);
        String therapistRef = siteAndTherapist[1];
        DateRange range = DateRange.parse("start", start, calendar.zone());
        Instant now = Instant.now();
        Instant from = range.from() == null || range.from().isBefore(now) ? now : range.from();
        Instant to = range.to() == null ? from.plus(7, ChronoUnit.DAYS) : range.to();
        LocalDate firstDay = LocalDate.ofInstant(from, calendar.zone());
        LocalDate lastDay = LocalDate.ofInstant(to.minusMillis(1), calendar.zone());
        if (!to.isAfter(from)) {
            return encode(searchset(uri, List.of()));
        }
        if (firstDay.plusDays(MAX_SLOT_DAYS).isBefore(lastDay)) {
            throw ProblemException.invalid("start", "covers more than " + MAX_SLOT_DAYS + " days");
        }
        String scheduleId = FhirAppointments.scheduleId(calendar.siteId(), therapistRef);
        return Panache.withSession(() -> AppointmentRow.<AppointmentRow>list(
                        "therapistRef = ?1 and state <> 'CANCELLED' and endsAt > ?2 and startsAt < ?3",
                        therapistRef, from.minus(1, ChronoUnit.DAYS), to.plus(1, ChronoUnit.DAYS)))
                .map(rows -> rows.stream().map(row -> new BusyInterval(row.therapistRef, row.startsAt, row.endsAt)).toList())
                .map(busy -> SlotFinder.freeSlots(calendar, therapistRef, firstDay, lastDay, busy, from).stream()
                        .filter(slot -> slot.start().isBefore(to))
                        .<Resource>map(slot -> FhirAppointments.freeSlot(scheduleId, slot))
                        .toList())
                .chain(slots -> encode(searchset(uri, slots)));
    }

    private Bundle searchset(UriInfo uri, List<Resource> resources) {
        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.SEARCHSET);
        bundle.setTotal(resources.size());
        bundle.addLink().setRelation("self").setUrl(uri.getRequestUri().toString());
        String base = uri.getBaseUri().resolve("fhir/").toString();
        resources.forEach(resource -> bundle.addEntry()
                .setFullUrl(base + resource.fhirType() + "/" + resource.getIdElement().getIdPart())
                .setResource(resource)
                .getSearch().setMode(Bundle.SearchEntryMode.MATCH));
        return bundle;
    }

    /**
     * Writes the resource with HAPI's parser on a worker thread, after the session has closed: a big bundle must not
     * hold up the event loop.
     */
    private Uni<Response> encode(Resource resource) {
        return Uni.createFrom().item(resource)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(built -> Response.ok(fhir.newJsonParser().encodeResourceToString(built), FHIR_JSON).build());
    }

    private static String stateOf(String fhirStatus) {
        return switch (fhirStatus.trim()) {
            case "proposed" -> "PROPOSED";
            case "booked" -> "CONFIRMED";
            case "pending" -> "RESCHEDULED";
            case "cancelled" -> "CANCELLED";
            case "fulfilled" -> "ATTENDED";
            case "noshow" -> "NO_SHOW";
            default -> throw ProblemException.invalid("status", "unknown status '" + fhirStatus
                    + "'; allowed: proposed, booked, pending, cancelled, fulfilled, noshow");
        };
    }

    private static String strip(String value, String prefix) {
        return value != null && value.startsWith(prefix) ? value.substring(prefix.length()) : value;
    }
}
