package care.sciatica.followup.api;

import care.sciatica.followup.domain.calendar.SiteCalendar;
import care.sciatica.followup.ical.CalendarFeed;
import care.sciatica.followup.ical.FeedTokens;
import care.sciatica.followup.persistence.AppointmentRow;
import care.sciatica.followup.persistence.CalendarFeedTokenRow;
import care.sciatica.followup.usecase.FollowUpSeeds;
import care.sciatica.platform.audit.AuditLog;
import care.sciatica.platform.problem.ProblemException;
import care.sciatica.platform.security.CallerSites;
import care.sciatica.platform.security.SiteScope;
import care.sciatica.platform.security.StaffRefs;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestHeader;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * iCalendar (RFC 5545) feeds a calendar app or booking system subscribes to: one per site and one per therapist,
 * from a month back onwards, cancelled appointments included so that subscribers drop them. Every feed carries an
 * ETag and answers 304 to a matching If-None-Match. A therapist (or an admin) can also issue a secret feed URL, for
 * calendar apps that cannot send a bearer token: the token in the URL is the credential, kept only as a hash, replaced
 * by rotating and removed by revoking.
 */
@Path("/calendars")
public class CalendarResource {

    static final String TEXT_CALENDAR = "text/calendar";
    private static final int MAX_EVENTS = 5000;

    private final SiteScope siteScope;
    private final CallerSites callerSites;
    private final SecurityIdentity identity;
    private final FollowUpSeeds.SiteCalendars calendars;
    private final AuditLog auditLog;

    public CalendarResource(SiteScope siteScope, CallerSites callerSites, SecurityIdentity identity,
                            FollowUpSeeds.SiteCalendars calendars, AuditLog auditLog) {
        this.siteScope = siteScope;
        this.callerSites = callerSites;
        this.identity = identity;
        this.calendars = calendars;
        this.auditLog = auditLog;
    }

    /** The secret feed URL, shown once: the path to GET, relative to the service. */
    public record FeedUrl(String therapistRef, String feedUrl) {
    }

    @GET
    @Path("sites/{siteId}.ics")
    @RolesAllowed({"booking-system", "front-desk", "ops", "therapist", "clinical-lead", "admin"})
    public Uni<Response> site(@PathParam("siteId") String siteId, @RestHeader("If-None-Match") String ifNoneMatch) {
        if (siteScope.listable(siteId).isEmpty() || !calendars.bySite().containsKey(siteId)) {
            throw ProblemException.notFound("calendar of site", siteId);
        }
        return feed(siteId, calendars.of(siteId).zone(), ifNoneMatch,
                "siteId = ?1 and startsAt >= ?2 order by startsAt, id", siteId);
    }

    /** A therapist's appointments at the caller's sites. */
    @GET
    @Path("therapists/{ref}.ics")
    @RolesAllowed({"booking-system", "front-desk", "ops", "therapist", "clinical-lead", "admin"})
    public Uni<Response> therapist(@PathParam("ref") String therapistRef, @RestHeader("If-None-Match") String ifNoneMatch) {
        StaffRefs.requireWellFormed("ref", therapistRef);
        Set<String> sites = siteScope.listable(null);
        if (sites.isEmpty()) {
            throw ProblemException.notFound("calendar of therapist", therapistRef);
        }
        return therapistFeed(therapistRef, sites, ifNoneMatch);
    }

    /**
     * Issues (or rotates) the therapist's secret feed URL, for the therapist themself or an admin; the previous URL
     * stops working at once. The feed shows the therapist's appointments at the issuer's sites.
     */
    @POST
    @Path("therapists/{ref}/feed-url")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"therapist", "admin"})
    @WithTransaction
    public Uni<Response> issueFeedUrl(@PathParam("ref") String therapistRef) {
        requireSelfOrAdmin(therapistRef);
        Set<String> sites = siteScope.listable(null);
        if (sites.isEmpty()) {
            throw ProblemException.invalid("sites", "the caller has no site to show");
        }
        boolean worksHere = calendars.bySite().values().stream()
                .anyMatch(calendar -> sites.contains(calendar.siteId()) && calendar.therapist(therapistRef).isPresent());
        if (!worksHere) {
            throw ProblemException.notFound("therapist", therapistRef);
        }
        String token = FeedTokens.generate();
        return CalendarFeedTokenRow.<CalendarFeedTokenRow>findById(therapistRef)
                .chain(existing -> {
                    CalendarFeedTokenRow row = existing == null ? new CalendarFeedTokenRow() : existing;
                    row.therapistRef = therapistRef;
                    row.tokenHash = FeedTokens.hash(token);
                    row.sites = String.join(",", sites);
                    row.createdBy = siteScope.caller();
                    row.createdAt = Instant.now();
                    String action = existing == null ? "calendar.feed-url.issued" : "calendar.feed-url.rotated";
                    return row.persist().chain(() -> auditAll(action, sites, therapistRef));
                })
                .replaceWith(Response.status(201)
                        .entity(new FeedUrl(therapistRef, "/calendars/feeds/" + token + ".ics")).build());
    }

    /** Revokes the therapist's secret feed URL: 204, or 404 when there is none. */
    @DELETE
    @Path("therapists/{ref}/feed-url")
    @RolesAllowed({"therapist", "admin"})
    @WithTransaction
    public Uni<Response> revokeFeedUrl(@PathParam("ref") String therapistRef) {
        requireSelfOrAdmin(therapistRef);
        return CalendarFeedTokenRow.<CalendarFeedTokenRow>findById(therapistRef).chain(row -> {
            if (row == null || Arrays.stream(row.sites.split(",")).noneMatch(callerSites::includes)) {
                throw ProblemException.notFound("feed URL of therapist", therapistRef);
            }
            return row.delete().chain(() -> auditAll("calendar.feed-url.revoked", Set.of(row.sites.split(",")), therapistRef))
                    .replaceWith(Response.noContent().build());
        });
    }

    /** The secret feed: no bearer token, the token in the path is the credential; unknown or revoked is 404. */
    @GET
    @Path("feeds/{token}.ics")
    @PermitAll
    public Uni<Response> secretFeed(@PathParam("token") String token, @RestHeader("If-None-Match") String ifNoneMatch) {
        if (!FeedTokens.wellFormed(token)) {
            throw ProblemException.notFound("calendar feed", "(secret)");
        }
        return Panache.withSession(() -> CalendarFeedTokenRow.<CalendarFeedTokenRow>find("tokenHash", FeedTokens.hash(token))
                        .firstResult())
                .chain(row -> {
                    if (row == null) {
                        throw ProblemException.notFound("calendar feed", "(secret)");
                    }
                    return therapistFeed(row.therapistRef, Set.of(row.sites.split(",")), ifNoneMatch);
                });
    }

    private Uni<Response> therapistFeed(String therapistRef, Set<String> sites, String ifNoneMatch) {
        ZoneId zone = calendars.bySite().values().stream()
                .filter(calendar -> sites.contains(calendar.siteId()) && calendar.therapist(therapistRef).isPresent())
                .map(SiteCalendar::zone).findFirst()
                .orElse(calendars.bySite().values().stream().map(SiteCalendar::zone).findFirst().orElse(ZoneId.of("UTC")));
        return feed(therapistRef, zone, ifNoneMatch,
                "therapistRef = ?1 and startsAt >= ?2 and siteId in ?3 order by startsAt, id", therapistRef, sites);
    }

    private void requireSelfOrAdmin(String therapistRef) {
        StaffRefs.requireWellFormed("ref", therapistRef);
        if (!identity.hasRole("admin") && !therapistRef.equals(callerSites.staffRef())) {
            throw new ProblemException(403, "forbidden-therapist", "Forbidden",
                    "A therapist manages only their own feed URL", List.of());
        }
    }

    private Uni<Void> auditAll(String action, Set<String> sites, String therapistRef) {
        // Audited per site, so each site's audit trail shows it; the token itself is never written anywhere.
        return Uni.join().all(sites.stream().map(site -> auditLog.record(siteScope.caller(), action, site, null,
                        therapistRef, "therapist=" + therapistRef)).toList())
                .andCollectFailures().replaceWithVoid();
    }

    private Uni<Response> feed(String name, ZoneId zone, String ifNoneMatch, String query, Object owner, Object... more) {
        Instant from = Instant.now().minus(30, ChronoUnit.DAYS);
        Object[] parameters = more.length == 0 ? new Object[] {owner, from} : new Object[] {owner, from, more[0]};
        return Panache.withSession(() -> AppointmentRow.<AppointmentRow>find(query, parameters)
                        .range(0, MAX_EVENTS - 1).list())
                // Written on a worker thread after the session closed: a long feed must not hold up the event loop.
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map((List<AppointmentRow> rows) -> {
                    String body = CalendarFeed.write(name, zone, rows);
                    String etag = "\"" + sha256(body).substring(0, 32) + "\"";
                    if (matches(ifNoneMatch, etag)) {
                        return Response.notModified().header("ETag", etag).build();
                    }
                    return Response.ok(body, TEXT_CALENDAR + "; charset=utf-8")
                            .header("ETag", etag)
                            .header("Cache-Control", "private, no-cache")
                            .header("Content-Disposition", "inline; filename=\"" + name + ".ics\"")
                            .build();
                });
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(",")).map(String::trim).map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals(etag) || tag.equals("*"));
    }

    private static String sha256(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", e);
        }
    }
}
