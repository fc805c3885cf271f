package care.sciatica.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Non-blocking calls to the services (java.net.http, HTTP/1.1 keep-alive) that time themselves: every answer goes into
 * the histogram of its endpoint ("POST /sessions/{id}/steps"), and its status into the endpoint's status counts.
 */
public final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client;
    private final Latencies latencies;
    private final Map<String, LongAdder> statuses = new ConcurrentHashMap<>();

    public Http(HttpClient client, Latencies latencies) {
        this.client = client;
        this.latencies = latencies;
    }

    /** An answer: its status and, when it has one, its JSON body. */
    public record Answer(int status, JsonNode body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    public CompletableFuture<Answer> get(String endpoint, URI uri, String bearer) {
        return send(endpoint, HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Authorization", bearer).GET().build());
    }

    /** A POST with a fresh Idempotency-Key, as the clinic's apps send every write. */
    public CompletableFuture<Answer> post(String endpoint, URI uri, String bearer, Object body) {
        return post(endpoint, uri, bearer, body, UUID.randomUUID().toString());
    }

    public CompletableFuture<Answer> post(String endpoint, URI uri, String bearer, Object body, String idempotencyKey) {
        HttpRequest.BodyPublisher publisher;
        try {
            publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return send(endpoint, HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Authorization", bearer)
                .header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey)
                .POST(publisher).build());
    }

    private CompletableFuture<Answer> send(String endpoint, HttpRequest request) {
        long start = System.nanoTime();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).thenApply(response -> {
            latencies.record(endpoint, System.nanoTime() - start);
            statuses.computeIfAbsent(endpoint + " " + response.statusCode(), ignored -> new LongAdder()).increment();
            return new Answer(response.statusCode(), body(response.body()));
        });
    }

    /** Answers counted by "endpoint status", e.g. "POST /intakes 201" → 1234. */
    public Map<String, Long> statusCounts() {
        Map<String, Long> counts = new TreeMap<>();
        statuses.forEach((key, count) -> counts.put(key, count.sum()));
        return counts;
    }

    private static JsonNode body(byte[] bytes) {
        if (bytes.length == 0) {
            return null;
        }
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            return null;
        }
    }
}
