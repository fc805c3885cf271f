package care.sciatica.platform.security;

import care.sciatica.platform.problem.Problem;
import care.sciatica.platform.problem.ProblemTypes;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Singleton;
import jakarta.json.JsonString;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits how fast a booking system may call: a token bucket per client (the token's {@code azp}, else its subject),
 * refilled at {@code sciatica.rate-limit.booking-system.per-minute} with bursts up to
 * {@code sciatica.rate-limit.booking-system.burst}. An empty bucket answers 429 with Retry-After and a problem, before
 * anything is read or written. Staff are not limited: they are few and their clients are our own front ends.
 * The buckets live in this instance's memory, so the limit holds per instance.
 */
@Singleton
public class ClientRateLimit {

    public static final String ROLE = "booking-system";
    private static final int MAX_CLIENTS = 10_000;

    private final SecurityIdentity identity;
    private final double perSecond;
    private final double burst;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public ClientRateLimit(SecurityIdentity identity,
                           @ConfigProperty(name = "sciatica.rate-limit.booking-system.per-minute",
                                   defaultValue = "600") int perMinute,
                           @ConfigProperty(name = "sciatica.rate-limit.booking-system.burst",
                                   defaultValue = "60") int burst) {
        this.identity = identity;
        this.perSecond = perMinute / 60.0;
        this.burst = burst;
    }

    @ServerRequestFilter
    public Response limit() {
        if (identity.isAnonymous() || !identity.hasRole(ROLE)) {
            return null;
        }
        if (buckets.size() > MAX_CLIENTS) {
            buckets.clear();
        }
        long waitSeconds = buckets.computeIfAbsent(clientOf(identity), client -> new Bucket(burst))
                .take(System.nanoTime(), perSecond, burst);
        if (waitSeconds == 0) {
            return null;
        }
        return Response.status(429).type(Problem.MEDIA_TYPE).header("Retry-After", Long.toString(waitSeconds))
                .entity(new Problem(ProblemTypes.uri("rate-limited"), "Too Many Requests", 429,
                        "This client has sent more requests than it may; retry after " + waitSeconds + " s",
                        List.of()))
                .build();
    }

    static String clientOf(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Object azp = token.getClaim("azp");
            if (azp instanceof JsonString value) {
                return value.getString();
            }
            if (azp != null) {
                return azp.toString();
            }
        }
        return identity.getPrincipal().getName();
    }

    /** A token bucket: {@link #take} answers 0 when a token was taken, else the whole seconds until there is one. */
    static final class Bucket {

        private double tokens;
        private long refilledAt = System.nanoTime();

        Bucket(double tokens) {
            this.tokens = tokens;
        }

        synchronized long take(long now, double perSecond, double capacity) {
            tokens = Math.min(capacity, tokens + (now - refilledAt) / 1e9 * perSecond);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
        }
    }
}
