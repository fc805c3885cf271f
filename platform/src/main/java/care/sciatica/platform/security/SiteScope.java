package care.sciatica.platform.security;

import care.sciatica.platform.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;

import java.util.Set;
import java.util.function.Function;

/**
 * The tenancy check every read and write goes through: a record of another site answers 404, so that its
 * existence does not leak; acting for a site the caller does not belong to answers 403.
 */
@RequestScoped
public class SiteScope {

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
        if (!callerSites.includes(siteId)) {
            throw ProblemException.forbiddenSite(siteId);
        }
    }

    /** The sites a list may draw from: the requested one if the caller has it, else all of the caller's. */
    public Set<String> listable(String requestedSite) {
        if (requestedSite == null || requestedSite.isBlank()) {
            return callerSites.sites();
        }
        return callerSites.includes(requestedSite) ? Set.of(requestedSite) : Set.of();
    }

    public String caller() {
        return callerSites.caller();
    }
}
