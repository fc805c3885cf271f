package care.sciatica.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/** The sites the caller may act for, read from the {@code sites} claim of their token. */
@RequestScoped
public class CallerSites {

    public static final String CLAIM = "sites";
    public static final String STAFF_REF_CLAIM = "staff_ref";

    private final SecurityIdentity identity;
    private Set<String> sites;

    public CallerSites(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Set<String> sites() {
        if (sites == null) {
            sites = read();
        }
        return sites;
    }

    public boolean includes(String siteId) {
        return siteId != null && sites().contains(siteId);
    }

    /** The caller's subject, for audit records. */
    public String caller() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    /**
     * The caller's opaque staff reference for events ({@code st_XXXXXXXX}): the token's {@code staff_ref} claim, or
     * one derived from the subject so that the same person always gets the same reference.
     */
    public String staffRef() {
        Object claim = identity.getPrincipal() instanceof JsonWebToken token ? token.getClaim(STAFF_REF_CLAIM) : null;
        String ref = claim instanceof JsonString value ? value.getString() : claim == null ? null : claim.toString();
        return ref != null && StaffRefs.STAFF_REF.matcher(ref).matches() ? ref : StaffRefs.derivedFrom(caller());
    }

    private Set<String> read() {
        Object claim = identity.getPrincipal() instanceof JsonWebToken token ? token.getClaim(CLAIM) : null;
        if (claim == null) {
            claim = identity.getAttribute(CLAIM);
        }
        return SiteClaim.parse(claim);
    }

    /** Reads a sites claim in the shapes tokens carry it: a JSON array, a collection or a comma-separated string. */
    static final class SiteClaim {

        private SiteClaim() {
        }

        static Set<String> parse(Object claim) {
            Set<String> result = new LinkedHashSet<>();
            if (claim instanceof JsonArray array) {
                array.forEach(value -> result.add(value instanceof JsonString s ? s.getString() : value.toString()));
            } else if (claim instanceof Collection<?> values) {
                values.forEach(value -> result.add(String.valueOf(value)));
            } else if (claim instanceof JsonString value) {
                result.add(value.getString());
            } else if (claim instanceof String value) {
                for (String site : value.split(",")) {
                    if (!site.isBlank()) {
                        result.add(site.trim());
                    }
                }
            }
            return Set.copyOf(result);
        }
    }
}
