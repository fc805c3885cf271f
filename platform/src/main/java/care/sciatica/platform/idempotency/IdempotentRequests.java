package care.sciatica.platform.idempotency;

import care.sciatica.platform.problem.ProblemException;
import care.sciatica.platform.problem.ProblemMappers;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Runs a write once per Idempotency-Key: a repeat with the same key and request returns the first result and writes
 * nothing; the same key with a different request is refused. Call it inside the write's transaction, so the key is
 * kept if and only if the write commits.
 * <p>
 * The key is claimed before the write runs: a row inserted in the write's transaction. A second request with the same
 * key at the same moment waits on that row (PostgreSQL holds it until the first transaction ends) and then replays the
 * committed result, or runs itself if the first rolled back. It waits at most {@link #LOCK_WAIT}; after that it is
 * told, with a 409 problem and Retry-After, that the first request is still in progress.
 */
@ApplicationScoped
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 200;
    private static final Pattern PRINTABLE = Pattern.compile("[\\x20-\\x7E]+");
    static final String LOCK_WAIT = "5s";
    private static final String CLAIM = """
            INSERT INTO idempotency_key (scope, key, request_hash, response) VALUES (?1, ?2, ?3, '')
            ON CONFLICT (scope, key) DO NOTHING""";

    private final ObjectMapper json;

    public IdempotentRequests(ObjectMapper json) {
        this.json = json;
    }

    /**
     * @param scope   who and what the key belongs to, e.g. the caller and the endpoint
     * @param key     the caller's Idempotency-Key, or null to run the write unconditionally
     * @param request the request body, to recognise a reused key on a different request
     */
    public <T> Uni<T> once(String scope, String key, Object request, Class<T> resultType, Supplier<Uni<T>> write) {
        if (key == null) {
            return write.get();
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH || !PRINTABLE.matcher(key).matches()) {
            return Uni.createFrom().failure(ProblemException.invalid(HEADER,
                    "must be 1 to " + MAX_KEY_LENGTH + " characters, printable ASCII"));
        }
        String requestHash = hash(request);
        return claim(scope, key, requestHash).chain(claimed -> claimed
                ? write.get().call(result -> remember(scope, key, result))
                : find(scope, key).chain(stored -> replay(stored, requestHash, resultType)));
    }

    /** True when this request holds the key now; false when another request's result is already committed. */
    private Uni<Boolean> claim(String scope, String key, String requestHash) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("SET LOCAL lock_timeout = '" + LOCK_WAIT + "'")
                .executeUpdate()
                .chain(() -> session.createNativeQuery(CLAIM)
                        .setParameter(1, scope)
                        .setParameter(2, key)
                        .setParameter(3, requestHash)
                        .executeUpdate())
                .map(inserted -> inserted == 1))
                .onFailure(IdempotentRequests::lockNotGranted).transform(failure -> inProgress());
    }

    private static boolean lockNotGranted(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if ("55P03".equals(ProblemMappers.sqlStateOf(cause))) {
                return true;
            }
        }
        return false;
    }

    private static ProblemException inProgress() {
        return new ProblemException(409, "idempotency-key-in-progress", "Conflict",
                "A request with this Idempotency-Key is still being processed; retry shortly", List.of(),
                "1");
    }

    private Uni<Object[]> find(String scope, String key) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT request_hash, response FROM idempotency_key WHERE scope = ?1 AND key = ?2",
                        Object[].class)
                .setParameter(1, scope)
                .setParameter(2, key)
                .getResultList()
                .map(rows -> rows.isEmpty() ? null : rows.getFirst()));
    }

    private <T> Uni<T> replay(Object[] stored, String requestHash, Class<T> resultType) {
        if (!requestHash.equals(stored[0])) {
            return Uni.createFrom().failure(ProblemException.conflict("idempotency-key-reused",
                    "This Idempotency-Key was already used for a different request"));
        }
        try {
            return Uni.createFrom().item(json.readValue((String) stored[1], resultType));
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
    }

    private Uni<Integer> remember(String scope, String key, Object result) {
        String response;
        try {
            response = json.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return Panache.getSession().chain(session -> session
                .createNativeQuery("UPDATE idempotency_key SET response = ?3 WHERE scope = ?1 AND key = ?2")
                .setParameter(1, scope)
                .setParameter(2, key)
                .setParameter(3, response)
                .executeUpdate());
    }

    private String hash(Object request) {
        try {
            byte[] body = json.writeValueAsBytes(request == null ? List.of() : request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot fingerprint the request", e);
        }
    }
}
