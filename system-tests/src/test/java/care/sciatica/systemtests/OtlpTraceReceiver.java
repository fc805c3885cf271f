package care.sciatica.systemtests;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.zip.GZIPInputStream;

/**
 * An OpenTelemetry collector's trace endpoint (OTLP over HTTP, protobuf) on loopback, keeping every span the running
 * services export, so a test can see what one case's trace holds. The request is read with protobuf's generic wire
 * format reader and the OTLP field numbers (opentelemetry-proto, trace/v1 and common/v1), which are stable.
 */
final class OtlpTraceReceiver implements AutoCloseable {

    /** One exported span: the service that emitted it, its ids (hex) and name, kind and string attributes. */
    record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name, int kind,
                        Map<String, String> attributes) {

        static final int SERVER = 2;

        boolean isRoot() {
            return parentSpanId.isEmpty();
        }
    }

    // ExportTraceServiceRequest.resource_spans, ResourceSpans.resource/scope_spans, ScopeSpans.spans, Resource.attributes
    private static final int RESOURCE_SPANS = 1;
    private static final int RESOURCE = 1;
    private static final int SCOPE_SPANS = 2;
    private static final int SPANS = 2;
    private static final int RESOURCE_ATTRIBUTES = 1;
    // Span fields
    private static final int TRACE_ID = 1;
    private static final int SPAN_ID = 2;
    private static final int PARENT_SPAN_ID = 4;
    private static final int NAME = 5;
    private static final int KIND = 6;
    private static final int SPAN_ATTRIBUTES = 9;
    // KeyValue.key/value, AnyValue.string_value
    private static final int KEY = 1;
    private static final int VALUE = 2;
    private static final int STRING_VALUE = 1;

    private final HttpServer server;
    private final ConcurrentLinkedQueue<ReceivedSpan> spans = new ConcurrentLinkedQueue<>();

    private OtlpTraceReceiver(HttpServer server) {
        this.server = server;
    }

    static OtlpTraceReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            OtlpTraceReceiver receiver = new OtlpTraceReceiver(server);
            server.createContext("/", receiver::export);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new IllegalStateException("Could not open the OTLP receiver", e);
        }
    }

    /** The base URL for {@code quarkus.otel.exporter.otlp.traces.endpoint} with the http/protobuf protocol. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    private void export(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = body(exchange)) {
            spans.addAll(read(UnknownFieldSet.parseFrom(body.readAllBytes())));
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, 0); // an empty ExportTraceServiceResponse: everything accepted
        } catch (InvalidProtocolBufferException unreadable) {
            exchange.sendResponseHeaders(400, -1);
        }
    }

    private static InputStream body(HttpExchange exchange) throws IOException {
        return "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody();
    }

    static List<ReceivedSpan> read(UnknownFieldSet request) throws InvalidProtocolBufferException {
        List<ReceivedSpan> read = new ArrayList<>();
        for (ByteString resourceSpans : messages(request, RESOURCE_SPANS)) {
            UnknownFieldSet resourceAndScopes = UnknownFieldSet.parseFrom(resourceSpans);
            String service = "";
            for (ByteString resource : messages(resourceAndScopes, RESOURCE)) {
                service = attributes(UnknownFieldSet.parseFrom(resource), RESOURCE_ATTRIBUTES)
                        .getOrDefault("service.name", "");
            }
            for (ByteString scopeSpans : messages(resourceAndScopes, SCOPE_SPANS)) {
                for (ByteString span : messages(UnknownFieldSet.parseFrom(scopeSpans), SPANS)) {
                    read.add(span(service, UnknownFieldSet.parseFrom(span)));
                }
            }
        }
        return read;
    }

    private static ReceivedSpan span(String service, UnknownFieldSet span) throws InvalidProtocolBufferException {
        List<Long> kind = span.hasField(KIND) ? span.getField(KIND).getVarintList() : List.of();
        return new ReceivedSpan(service, hex(span, TRACE_ID), hex(span, SPAN_ID), hex(span, PARENT_SPAN_ID),
                text(span, NAME), kind.isEmpty() ? 0 : kind.getFirst().intValue(), attributes(span, SPAN_ATTRIBUTES));
    }

    /** The string-valued attributes (KeyValue list) in field {@code number}. */
    private static Map<String, String> attributes(UnknownFieldSet message, int number)
            throws InvalidProtocolBufferException {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (ByteString keyValue : messages(message, number)) {
            UnknownFieldSet pair = UnknownFieldSet.parseFrom(keyValue);
            for (ByteString value : messages(pair, VALUE)) {
                UnknownFieldSet anyValue = UnknownFieldSet.parseFrom(value);
                if (anyValue.hasField(STRING_VALUE)) {
                    attributes.put(text(pair, KEY), text(anyValue, STRING_VALUE));
                }
            }
        }
        return attributes;
    }

    private static List<ByteString> messages(UnknownFieldSet message, int number) {
        return message.hasField(number) ? message.getField(number).getLengthDelimitedList() : List.of();
    }

    private static String text(UnknownFieldSet message, int number) {
        List<ByteString> values = messages(message, number);
        return values.isEmpty() ? "" : values.getLast().toStringUtf8();
    }

    private static String hex(UnknownFieldSet message, int number) {
        List<ByteString> values = messages(message, number);
        return values.isEmpty() ? "" : HexFormat.of().formatHex(values.getLast().toByteArray());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
