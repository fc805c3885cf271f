package care.sciatica.followup.api;

import care.sciatica.followup.ical.CalendarFeed;
import care.sciatica.followup.persistence.AppointmentRow;
import care.sciatica.platform.problem.ProblemException;
import care.sciatica.platform.security.SiteScope;
import care.sciatica.platform.security.StaffRefs;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/**
 * iCalendar (RFC 5545) feeds a calendar app or booking system subscribes to: one per site and one per therapist,
 * from a month back onwards, cancelled appointments included so that subscribers drop them.
 */
@Path("/calendars")
@RolesAllowed({"booking-system", "front-desk", "ops", "therapist", "clinical-lead", "admin"})
public class CalendarResource {

    static final String TEXT_CALENDAR = "text/calendar";
    private static final int MAX_EVENTS = 5000;

    private final SiteScope siteScope;

    public CalendarResource(SiteScope siteScope) {
        this.siteScope = siteScope;
    }

    @GET
    @Path("sites/{siteId}.ics")
    public Uni<Response> site(@PathParam("siteId") String siteId) {
        if (siteScope.listable(siteId).isEmpty()) {
            throw ProblemException.notFound("calendar of site", siteId);
        }
        return feed(siteId, "siteId = ?1 and startsAt >= ?2 order by startsAt", siteId);
    }

    /** A therapist's appointments at the caller's sites. */
    @GET
    @Path("therapists/{ref}.ics")
    public Uni<Response> therapist(@PathParam("ref") String therapistRef) {
        StaffRefs.requireWellFormed("ref", therapistRef);
        Set<String> sites = siteScope.listable(null);
        if (sites.isEmpty()) {
            throw ProblemException.notFound("calendar of therapist", therapistRef);
        }
        return feed(therapistRef, "therapistRef = ?1 and startsAt >= ?2 and siteId in ?3 order by startsAt",
                therapistRef, sites);
    }

    private Uni<Response> feed(String name, String query, Object owner, Object... more) {
        Instant from = Instant.now().minus(30, ChronoUnit.DAYS);
        Object[] parameters = more.length == 0 ? new Object[] {owner, from} : new Object[] {owner, from, more[0]};
        return Panache.withSession(() -> AppointmentRow.<AppointmentRow>find(query, parameters)
                        .range(0, MAX_EVENTS - 1).list())
                // Written on a worker thread after the session closed: a long feed must not hold up the event loop.
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map((List<AppointmentRow> rows) -> Response.ok(CalendarFeed.write(name, rows), TEXT_CALENDAR)
                        .header("Content-Disposition", "inline; filename=\"" + name + ".ics\"")
                        .build());
    }
}
