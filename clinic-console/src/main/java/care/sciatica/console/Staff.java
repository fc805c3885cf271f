package care.sciatica.console;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The signed-in member of staff: their name, realm roles and sites (the {@code sites} claim). The console uses them
 * only to choose what to offer; the services decide, with the same token, what may be read and done.
 */
@RequestScoped
public class Staff {

    public static final String FRONT_DESK = "front-desk";
    public static final String THERAPIST = "therapist";
    public static final String CLINICAL_LEAD = "clinical-lead";
    public static final String OPS = "ops";
    public static final String ADMIN = "admin";

    private final SecurityIdentity identity;
    private final JsonWebToken idToken;

    @Inject
    public Staff(SecurityIdentity identity, JsonWebToken idToken) {
        this.identity = identity;
        this.idToken = idToken;
    }

    public String name() {
        Object name = claim("name");
        if (name != null) {
            return name.toString();
        }
        Object username = claim("preferred_username");
        return username != null ? username.toString() : identity.getPrincipal().getName();
    }

    public List<String> sites() {
        Object claim = claim("sites");
        List<String> sites = new ArrayList<>();
        if (claim instanceof Iterable<?> values) {
            values.forEach(value -> sites.add(unquoted(value.toString())));
        } else if (claim != null) {
            sites.add(unquoted(claim.toString()));
        }
        return sites.stream().sorted().toList();
    }

    public boolean maySee(String siteId) {
        return sites().contains(siteId);
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    public boolean isFrontDesk() {
        return is(FRONT_DESK);
    }

    public boolean isTherapist() {
        return is(THERAPIST) || is(CLINICAL_LEAD);
    }

    public boolean isLead() {
        return is(CLINICAL_LEAD);
    }

    public boolean isOps() {
        return is(OPS) || is(ADMIN);
    }

    private Object claim(String name) {
        try {
            Object value = idToken == null ? null : idToken.getClaim(name);
            if (value != null) {
                return value;
            }
        } catch (RuntimeException e) {
            // No ID token in this request (e.g. a test identity): fall back to the principal's own claims.
        }
        if (identity.getPrincipal() instanceof JsonWebToken principal && principal.getClaim(name) != null) {
            return principal.getClaim(name);
        }
        return identity.getAttribute(name);
    }

    private static String unquoted(String text) {
        return text.startsWith("\"") && text.endsWith("\"") ? text.substring(1, text.length() - 1) : text;
    }
}
