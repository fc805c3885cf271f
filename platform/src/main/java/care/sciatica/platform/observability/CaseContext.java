package care.sciatica.platform.observability;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.MDC;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * What processing one case's event runs in: a span continuing the producer's trace (from the {@code traceparent}
 * header), the case id in the log context ({@code caseId} in the MDC), and the case's flow start.
 */
@ApplicationScoped
public class CaseContext {

    /** The MDC key the JSON log carries. */
    public static final String CASE_ID = "caseId";
    /** The span attribute naming the case a span worked on. */
    public static final String CASE_ID_ATTRIBUTE = "sciatica.case_id";

    private final Tracer tracer;

    public CaseContext(Tracer tracer) {
        this.tracer = tracer;
    }

    /** Puts {@code caseId} in the log context of the current request (a REST use case calls it when it knows the case). */
    public static void logCase(Object caseId) {
        if (caseId != null) {
            MDC.put(CASE_ID, caseId.toString());
        }
    }

    /**
     * Runs a REST request's {@code work} on a case in a span of the case's own trace: a child of {@code caseTraceparent},
     * the trace context the service kept when the case's event arrived, linked to the request's span. The events
     * {@code work} appends then continue the case's trace rather than starting the request's own. Without a kept trace
     * context (tracing was off then) the work simply runs in the request's span.
     */
    public <T> Uni<T> continuing(String operation, String caseTraceparent, Object caseId, Supplier<Uni<T>> work) {
        logCase(caseId);
        if (caseTraceparent == null) {
            return work.get();
        }
        return Uni.createFrom().deferred(() -> {
            Span span = tracer.spanBuilder(operation)
                    .setParent(TraceContext.extract(caseTraceparent))
                    .addLink(Span.current().getSpanContext())
                    .setSpanKind(SpanKind.INTERNAL)
                    .setAttribute(CASE_ID_ATTRIBUTE, String.valueOf(caseId))
                    .startSpan();
            return inSpan(span, work);
        });
    }

    /** Runs {@code work} for {@code record} (keyed by case id) in a consumer span that is a child of the producer's. */
    public <T> Uni<T> consuming(String consumer, ConsumerRecord<String, String> record, Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            Span span = tracer.spanBuilder(consumer + " process")
                    .setParent(TraceContext.extract(record.headers()))
                    .setSpanKind(SpanKind.CONSUMER)
                    .setAttribute("messaging.system", "kafka")
                    .setAttribute("messaging.destination.name", record.topic())
                    .setAttribute("messaging.consumer.group.name", consumer)
                    .setAttribute(CASE_ID_ATTRIBUTE, String.valueOf(record.key()))
                    .startSpan();
            logCase(record.key());
            FlowStart.clear();
            Header flowStart = record.headers().lastHeader(FlowStart.HEADER);
            if (flowStart != null && flowStart.value() != null) {
                FlowStart.parse(new String(flowStart.value(), StandardCharsets.UTF_8)).ifPresent(FlowStart::set);
            }
            return inSpan(span, work).onTermination().invoke(() -> {
                MDC.remove(CASE_ID);
                FlowStart.clear();
            });
        });
    }

    /** Subscribes to {@code work} with {@code span} current, and ends the span when the work ends. */
    private static <T> Uni<T> inSpan(Span span, Supplier<Uni<T>> work) {
        Scope scope = Context.current().with(span).makeCurrent();
        Uni<T> running;
        try {
            running = work.get();
        } catch (RuntimeException failure) {
            running = Uni.createFrom().failure(failure);
        }
        return running
                .onFailure().invoke(failure -> span.setStatus(StatusCode.ERROR, failure.toString()))
                .onTermination().invoke(() -> {
                    scope.close();
                    span.end();
                });
    }
}
