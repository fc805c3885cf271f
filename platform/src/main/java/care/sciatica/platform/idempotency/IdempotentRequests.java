package care.sciatica.platform.idempotency;

import care.sciatica.platform.problem.ProblemException;
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

/**
 * Runs a write once per Idempotency-Key: a repeat with the same key and request returns the first result and writes
 * nothing; the same key with a different request is refused. Call it inside the write's transaction, so the key is
 * kept if and only if the write commits.
 */
@ApplicationScoped
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 200;

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
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            return Uni.createFrom().failure(ProblemException.invalid(HEADER,
                    "must be 1 to " + MAX_KEY_LENGTH + " characters"));
        }
        String requestHash = hash(request);
        return find(scope, key).chain(stored -> {
            if (stored != null) {
                return replay(stored, requestHash, resultType);
            }
            return write.get().call(result -> remember(scope, key, requestHash, result));
        });
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

    private Uni<Integer> remember(String scope, String key, String requestHash, Object result) {
        String response;
        try {
            response = json.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return Panache.getSession().chain(session -> session
                .createNativeQuery("INSERT INTO idempotency_key (scope, key, request_hash, response) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, scope)
                .setParameter(2, key)
                .setParameter(3, requestHash)
                .setParameter(4, response)
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
