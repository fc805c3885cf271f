package care.sciatica.platform.http;

import care.sciatica.platform.problem.Problem;
import care.sciatica.platform.problem.ProblemTypes;
import care.sciatica.platform.problem.TextChecks;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The chassis' front door, ahead of security and REST: it refuses what no endpoint could read (control characters or
 * broken percent-encoding in the path or query, a body over the documented limit), answers every failure the
 * framework raises before our code runs as problem+json, and puts the security headers on every answer.
 */
@ApplicationScoped
public class EdgeGuard {

    private static final Logger LOG = Logger.getLogger(EdgeGuard.class);
    /** Swagger UI is the only HTML the services serve; its page loads its own scripts and inline styles. */
    static final String SWAGGER_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; "
            + "base-uri 'none'; form-action 'none'";
    /** Everything else is JSON: nothing in it may load, run or be framed. */
    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private final long maxBodyBytes;
    private final Set<String> allowedOrigins;
    private final long requestTimeoutMillis;

    public EdgeGuard(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
                     @ConfigProperty(name = "quarkus.http.cors.origins") Optional<List<String>> allowedOrigins,
                     @ConfigProperty(name = "sciatica.http.request-timeout", defaultValue = "30s")
                     Duration requestTimeout) {
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.allowedOrigins = Set.copyOf(allowedOrigins.orElse(List.of()));
        this.requestTimeoutMillis = requestTimeout.toMillis();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::screen);
        // First in line for every failure, so that none reaches the framework's HTML or empty answers.
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failure);
        for (int status : List.of(400, 404, 405, 406, 408, 413, 414, 415, 431, 500, 503)) {
            router.errorHandler(status, context -> EdgeProblems.answer(context,
                    Problem.ofStatus(status, detailFor(status))));
        }
    }

    private void screen(RoutingContext context) {
        HttpServerRequest request = context.request();
        context.addHeadersEndHandler(ignored -> {
            securityHeaders(context);
            UnmatchedRoutes.label(context);
        });
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin != null && !allowedOrigins.contains(origin) && !sameOrigin(request, origin)) {
            // Said before the CORS filter would end the answer with an empty 403; no Access-Control-Allow-* header.
            EdgeProblems.answer(context, new Problem(ProblemTypes.uri("origin-not-allowed"), "Forbidden", 403,
                    "Browsers may call this API only from the clinic's own front ends", List.of()));
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && tooLarge(length)) {
            EdgeProblems.answer(context, Problem.ofStatus(413, "The body is larger than this service accepts ("
                    + maxBodyBytes / 1024 + " KiB)"));
            return;
        }
        // FHIR answers its own errors as OperationOutcome resources; its requests are screened there.
        boolean fhir = request.path() != null && request.path().startsWith("/fhir");
        String refusal = fhir ? null : refusalOfPath(request.path());
        if (!fhir && refusal == null && request.query() != null) {
            refusal = refusalOfQuery(request.query());
        }
        if (refusal != null) {
            EdgeProblems.answer(context, new Problem(ProblemTypes.uri("malformed-request"), "Bad Request", 400,
                    refusal, List.of()));
            return;
        }
        answerIfTooSlow(context);
        context.next();
    }

    /**
     * A request still unanswered after {@code sciatica.http.request-timeout} is answered 503 with Retry-After, so
     * that a caller is never left hanging. Its work may still finish: a write is retried safely with the same
     * Idempotency-Key, which returns the first result.
     */
    private void answerIfTooSlow(RoutingContext context) {
        long timer = context.vertx().setTimer(requestTimeoutMillis, id -> {
            if (!context.response().ended() && !context.response().headWritten()) {
                LOG.warnf("%s %s took longer than %d ms; answered 503", context.request().method(),
                        context.request().path(), requestTimeoutMillis);
                context.response().putHeader("Retry-After", "1");
                EdgeProblems.answer(context, new Problem(ProblemTypes.uri("request-timeout"), "Service Unavailable",
                        503, "The request took longer than " + requestTimeoutMillis / 1000 + " s; retry (with the same"
                        + " Idempotency-Key for a write)", List.of()));
            }
        });
        context.addEndHandler(ended -> context.vertx().cancelTimer(timer));
    }

    private static boolean sameOrigin(HttpServerRequest request, String origin) {
        String host = request.getHeader(HttpHeaders.HOST);
        return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
    }

    private boolean tooLarge(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private void failure(RoutingContext context) {
        Throwable failure = context.failure();
        if (context.response().ended() || context.response().headWritten()) {
            return;
        }
        if (failure instanceof AuthenticationFailedException || failure instanceof AuthenticationCompletionException) {
            context.response().putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            EdgeProblems.answer(context, Problem.ofStatus(401, "The bearer token is not valid"));
        } else if (failure instanceof UnauthorizedException) {
            context.response().putHeader("WWW-Authenticate", "Bearer");
            EdgeProblems.answer(context, Problem.ofStatus(401, "A valid bearer token is required"));
        } else if (failure instanceof ForbiddenException) {
            EdgeProblems.answer(context, new Problem(ProblemTypes.uri("forbidden"), "Forbidden", 403,
                    "Your role does not allow this operation", List.of()));
        } else {
            int status = context.statusCode() >= 400 ? context.statusCode() : 500;
            if (status >= 500) {
                LOG.error("Unexpected failure before the REST layer", failure);
            }
            EdgeProblems.answer(context, Problem.ofStatus(status, detailFor(status)));
        }
    }

    private static void securityHeaders(RoutingContext context) {
        var headers = context.response().headers();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        String path = context.request().path();
        if (path != null && path.startsWith("/q/swagger-ui")) {
            headers.set("Content-Security-Policy", SWAGGER_CSP);
        } else {
            headers.set("Content-Security-Policy", API_CSP);
        }
        // Clinical data must not stay in a browser's or proxy's cache; only the open /q/ documents may be cached.
        if (path == null || !path.startsWith("/q/")) {
            headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }

    static String detailFor(int status) {
        return switch (status) {
            case 400 -> "The request could not be read";
            case 404 -> "No resource at this path";
            case 405 -> "This resource does not accept this method";
            case 406 -> "This resource answers application/json (or application/problem+json) only";
            case 408 -> "The request was not received in time";
            case 413 -> "The body is larger than this service accepts";
            case 414 -> "The request URI is too long";
            case 415 -> "This resource reads application/json bodies only";
            case 431 -> "The request headers are too large";
            case 503 -> "The service is not available; retry later";
            default -> "The request could not be completed; it has been logged.";
        };
    }

    /** Why the raw path is refused: broken percent-encoding, or a decoded control character or lone surrogate. */
    static String refusalOfPath(String rawPath) {
        if (rawPath == null) {
            return null;
        }
        String decoded = decode(rawPath, false);
        if (decoded == null) {
            return "The path is not valid percent-encoded UTF-8";
        }
        String refusal = TextChecks.refusal(decoded);
        if (refusal != null || decoded.indexOf('\t') >= 0 || decoded.indexOf('\n') >= 0 || decoded.indexOf('\r') >= 0) {
            return "The path " + (refusal != null ? refusal : "contains a tab or line break");
        }
        return null;
    }

    static String refusalOfQuery(String rawQuery) {
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals), true);
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1), true);
            if (name == null || value == null) {
                return "The query is not valid percent-encoded UTF-8";
            }
            String refusal = TextChecks.refusal(name + value);
            if (refusal != null || (name + value).chars().anyMatch(c -> c == '\t' || c == '\n' || c == '\r')) {
                return "Query parameter '" + TextChecks.excerpt(name) + "' contains a control character";
            }
        }
        return null;
    }

    /** Strict percent-decoding: null for a truncated or non-hex escape, or bytes that are not UTF-8. */
    static String decode(String raw, boolean plusIsSpace) {
        if (raw.indexOf('%') < 0 && (!plusIsSpace || raw.indexOf('+') < 0)) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
