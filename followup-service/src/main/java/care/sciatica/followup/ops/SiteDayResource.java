package care.sciatica.followup.ops;

import care.sciatica.followup.usecase.FollowUpSeeds;
import care.sciatica.platform.problem.ProblemException;
import care.sciatica.platform.security.SiteScope;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /ops/sites/{siteId}/days/{day}}: the follow-up figures of a site's day for operations (roles ops and
 * admin, the caller's sites only). Intake, assessment and session figures are on Grafana's "A site's day" from the
 * same metrics; this answers what only this service's database knows for a given past day.
 */
@Path("/ops/sites/{siteId}/days/{day}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"ops", "admin"})
public class SiteDayResource {

    private static final String APPOINTMENTS = """
            SELECT state, count(*) FROM appointment
            WHERE site_id = $1 AND starts_at >= $2 AND starts_at < $3 GROUP BY state""";
    private static final String BOOKED = """
            SELECT count(*) FROM appointment WHERE site_id = $1 AND created_at >= $2 AND created_at < $3""";
    private static final String TASKS = """
            SELECT count(*) FILTER (WHERE status = 'OPEN'),
                   count(*) FILTER (WHERE created_at >= $2 AND created_at < $3)
            FROM followup_task WHERE site_id = $1""";
    private static final String DELIVERIES = """
            SELECT status, count(*) FROM webhook_delivery
            WHERE site_id = $1 AND created_at >= $2 AND created_at < $3 GROUP BY status""";

    private final SiteScope siteScope;
    private final FollowUpSeeds.SiteCalendars calendars;
    private final Pool pool;

    public SiteDayResource(SiteScope siteScope, FollowUpSeeds.SiteCalendars calendars, Pool pool) {
        this.siteScope = siteScope;
        this.calendars = calendars;
        this.pool = pool;
    }

    @GET
    public Uni<SiteDay> day(@PathParam("siteId") String siteId, @PathParam("day") String day) {
        if (siteScope.listable(siteId).isEmpty()) {
            throw ProblemException.notFound("site", siteId);
        }
        LocalDate date = parse(day);
        ZoneId zone = calendars.of(siteId).zone();
        Tuple window = Tuple.of(siteId, date.atStartOfDay(zone).toOffsetDateTime(),
                date.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        return pool.preparedQuery(APPOINTMENTS).execute(window).map(SiteDayResource::byKey)
                .chain(appointments -> pool.preparedQuery(BOOKED).execute(window).map(SiteDayResource::single)
                        .chain(booked -> pool.preparedQuery(TASKS).execute(window).map(rows -> rows.iterator().next())
                                .chain(tasks -> pool.preparedQuery(DELIVERIES).execute(window)
                                        .map(SiteDayResource::byKey)
                                        .map(deliveries -> new SiteDay(siteId, date, zone.getId(), appointments,
                                                booked, tasks.getLong(0), tasks.getLong(1), deliveries)))));
    }

    private static LocalDate parse(String day) {
        try {
            return LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("day", "must be an ISO date such as 2026-03-02");
        }
    }

    private static Map<String, Long> byKey(RowSet<Row> rows) {
        Map<String, Long> counts = new TreeMap<>();
        rows.forEach(row -> counts.put(row.getString(0), row.getLong(1)));
        return counts;
    }

    private static long single(RowSet<Row> rows) {
        return rows.iterator().next().getLong(0);
    }
}
