package care.sciatica.followup.webhook;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;

/** A real HTTP receiver on loopback that answers each request with the status its script gives for that call. */
final class LoopbackReceiver implements AutoCloseable {

    /** One received request: the Standard Webhooks headers, the raw body, and when it arrived. */
    record Received(String id, String timestamp, String signature, byte[] body, Instant at) {

        /** Verifies with the official Standard Webhooks library, as a receiver holding {@code secret} would. */
        void verifyWith(String secret) throws WebhookVerificationException {
            new Webhook(secret).verify(new String(body, StandardCharsets.UTF_8), Map.of(
                    "webhook-id", List.of(id), "webhook-timestamp", List.of(timestamp),
                    "webhook-signature", List.of(signature)));
        }
    }

    /** An answer: the status and, if not null, a Retry-After header. */
    record Answer(int status, String retryAfter) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();

    /** @param statusForCall the status to answer to the n-th call, counting from 1 */
    LoopbackReceiver(IntUnaryOperator statusForCall) throws IOException {
        this((IntFunction<Answer>) call -> new Answer(statusForCall.applyAsInt(call), null));
    }

    /** @param answerForCall the answer to the n-th call, counting from 1 */
    static LoopbackReceiver answering(IntFunction<Answer> answerForCall) throws IOException {
        return new LoopbackReceiver(answerForCall);
    }

    private LoopbackReceiver(IntFunction<Answer> answerForCall) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, List<String>> headers = exchange.getRequestHeaders();
            received.add(new Received(first(headers, "webhook-id"), first(headers, "webhook-timestamp"),
                    first(headers, "webhook-signature"), body, Instant.now()));
            Answer answer = answerForCall.apply(calls.incrementAndGet());
            if (answer.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
            }
            exchange.sendResponseHeaders(answer.status(), -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private static String first(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .findFirst().map(e -> e.getValue().getFirst()).orElse(null);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
