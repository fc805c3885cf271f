package care.sciatica.platform.security;

import care.sciatica.platform.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;

import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The tenancy check every read and write goes through: a record of another site answers 404, so that its
 * existence does not leak; acting for a site the caller does not belong to answers 403.
 */
@RequestScoped
public class SiteScope {

    /** The documented alphabet of a site id ("site-north"): lower-case letters, digits and hyphens, at most 64. */
    public static final Pattern SITE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    public static final String SITE_ID_RULE = "must be a site id: lower-case letters, digits and '-', at most 64";

    private final CallerSites callerSites;

    public SiteScope(CallerSites callerSites) {
        this.callerSites = callerSites;
    }

    /** Returns {@code record} when its site is one of the caller's; otherwise the same 404 as an unknown id. */
    public <T> T visible(T record, Function<T, String> siteOf, String what, Object id) {
        if (record == null || !callerSites.includes(siteOf.apply(record))) {
            throw ProblemException.notFound(what, id);
        }
        return record;
    }

    /** Refuses to act for a site the caller does not belong to (e.g. opening a case there). */
    public void requireMember(String siteId) {
        requireWellFormed(siteId);
        if (!callerSites.includes(siteId)) {
            throw ProblemException.forbiddenSite(siteId);
        }
    }

    /** The sites a list may draw from: the requested one if the caller has it, else all of the caller's. */
    public Set<String> listable(String requestedSite) {
        if (requestedSite == null || requestedSite.isEmpty()) {
            return callerSites.sites();
        }
        // A blank or malformed site is a mistake, not "all my sites".
        requireWellFormed(requestedSite);
        return callerSites.includes(requestedSite) ? Set.of(requestedSite) : Set.of();
    }

    /** Refuses (400, naming siteId) a site id outside the documented alphabet, before it reaches a query. */
    public static void requireWellFormed(String siteId) {
        if (siteId == null || !SITE_ID.matcher(siteId).matches()) {
            throw ProblemException.invalid("siteId", SITE_ID_RULE);
        }
    }

    public String caller() {
        return callerSites.caller();
    }
}
