package care.sciatica.followup.webhook;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

/** A real HTTP receiver on loopback that answers each request with the status its script gives for that call. */
final class LoopbackReceiver implements AutoCloseable {

    /** One received request: the Standard Webhooks headers and the raw body. */
    record Received(String id, String timestamp, String signature, byte[] body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();

    /** @param statusForCall the status to answer to the n-th call, counting from 1 */
    LoopbackReceiver(IntUnaryOperator statusForCall) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, List<String>> headers = exchange.getRequestHeaders();
            received.add(new Received(first(headers, "webhook-id"), first(headers, "webhook-timestamp"),
                    first(headers, "webhook-signature"), body));
            exchange.sendResponseHeaders(statusForCall.applyAsInt(calls.incrementAndGet()), -1);
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
