package care.sciatica.followup.api;

import care.sciatica.contracts.followup.AppointmentSource;
import care.sciatica.followup.persistence.AppointmentRow;
import care.sciatica.followup.usecase.ChangeAppointment;
import care.sciatica.followup.usecase.FollowUpSeeds;
import care.sciatica.platform.idempotency.IdempotentRequests;
import care.sciatica.platform.problem.ProblemException;
import care.sciatica.platform.security.SiteScope;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.identity.SecurityIdentity;
import care.sciatica.platform.observability.AfterCommit;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestHeader;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * Appointments for the front desk, ops and booking systems: a site's day, one appointment, and the changes a booking
 * system (or a person at the desk) makes: confirm, reschedule, cancel, and whether the patient came. Every POST takes
 * an Idempotency-Key.
 */
@Path("/appointments")
@Produces(MediaType.APPLICATION_JSON)
public class AppointmentResource {

    private static final String KEY = IdempotentRequests.HEADER;

    private final ChangeAppointment changeAppointment;
    private final FollowUpSeeds.SiteCalendars calendars;
    private final SiteScope siteScope;
    private final SecurityIdentity identity;

    public AppointmentResource(ChangeAppointment changeAppointment, FollowUpSeeds.SiteCalendars calendars,
                               SiteScope siteScope, SecurityIdentity identity) {
        this.changeAppointment = changeAppointment;
        this.calendars = calendars;
        this.siteScope = siteScope;
        this.identity = identity;
    }

    /** A site's appointments on one local day, cancelled ones included, in time order. */
    @GET
    @WithSession
    @RolesAllowed({"front-desk", "ops", "therapist", "clinical-lead", "booking-system", "admin"})
    public Uni<List<AppointmentView>> ofDay(@QueryParam("siteId") String siteId, @QueryParam("day") LocalDate day) {
        if (siteId == null || siteId.isBlank()) {
            throw ProblemException.invalid("siteId", "is required");
        }
        if (day == null) {
            throw ProblemException.invalid("day", "is required, as yyyy-MM-dd");
        }
        if (siteScope.listable(siteId).isEmpty() || !calendars.bySite().containsKey(siteId)) {
            return Uni.createFrom().item(List.of());
        }
        ZoneId zone = calendars.of(siteId).zone();
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        return AppointmentRow.<AppointmentRow>list("siteId = ?1 and startsAt >= ?2 and startsAt < ?3 order by startsAt",
                        siteId, from, to)
                .map(rows -> rows.stream().map(AppointmentView::of).toList());
    }

    @GET
    @Path("{id}")
    @WithSession
    @RolesAllowed({"front-desk", "ops", "therapist", "clinical-lead", "booking-system", "admin"})
    public Uni<AppointmentView> get(@PathParam("id") UUID id) {
        return AppointmentRow.<AppointmentRow>findById(id)
                .map(found -> AppointmentView.of(siteScope.visible(found, row -> row.siteId, "appointment", id)));
    }

    @POST
    @Path("{id}/confirmation")
    @RolesAllowed({"booking-system", "front-desk"})
    public Uni<AppointmentView> confirm(@PathParam("id") UUID id, @RestHeader(KEY) String key) {
        return AfterCommit.scope(() -> changeAppointment.confirm(id, source(), key)).map(AppointmentView::of);
    }

    /** Moves the appointment; a time the therapist already has taken is a 409, a time the site is closed a 422. */
    @POST
    @Path("{id}/reschedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"booking-system", "front-desk"})
    public Uni<AppointmentView> reschedule(@PathParam("id") UUID id, @Valid @NotNull AppointmentRequests.Reschedule request,
                                           @RestHeader(KEY) String key) {
        return AfterCommit.scope(() -> changeAppointment.reschedule(id, request.therapistRef(), request.start(),
                source(), key, request)).map(AppointmentView::of);
    }

    @POST
    @Path("{id}/cancellation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"booking-system", "front-desk"})
    public Uni<AppointmentView> cancel(@PathParam("id") UUID id, @Valid @NotNull AppointmentRequests.Cancel request,
                                       @RestHeader(KEY) String key) {
        return AfterCommit.scope(() -> changeAppointment.cancel(id, request.reason(), source(), key, request)).map(AppointmentView::of);
    }

    /**
     * Records whether the patient came ({@code {"outcome": "ATTENDED" | "NO_SHOW"}}) once the appointment has started;
     * both are final. A no-show also opens a CALL_PATIENT task for the site. Kept by the clinic only: no event, no
     * webhook; booking systems read the status over FHIR (fulfilled, noshow). Answers 200 with the appointment, 400
     * for a missing or unknown outcome, 404 for an unknown id or another site's appointment, and 409 when the domain
     * refuses: not started yet, already final, or a no-show for a time the patient never accepted.
     */
    @POST
    @Path("{id}/attendance")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"front-desk", "therapist", "booking-system"})
    public Uni<AppointmentView> recordAttendance(@PathParam("id") UUID id,
                                                 @Valid @NotNull AppointmentRequests.RecordAttendance request,
                                                 @RestHeader(KEY) String key) {
        return AfterCommit.scope(() -> changeAppointment.recordAttendance(id, request.outcome(), source(), key, request))
                .map(AppointmentView::of);
    }

    /** Who caused a change: a booking system, else the clinic's staff (front desk or therapist) as FRONT_DESK. */
    private AppointmentSource source() {
        return identity.hasRole("booking-system") ? AppointmentSource.BOOKING_SYSTEM : AppointmentSource.FRONT_DESK;
    }
}
