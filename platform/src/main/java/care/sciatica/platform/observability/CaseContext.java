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

    /** Runs {@code work} for {@code record} (keyed by case id) in a consumer span that is a child of the producer's. */
    public <T> Uni<T> consuming(String consumer, ConsumerRecord<String, String> record, Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            Span span = tracer.spanBuilder(consumer + " process")
                    .setParent(TraceContext.extract(record.headers()))
                    .setSpanKind(SpanKind.CONSUMER)
                    .setAttribute("messaging.system", "kafka")
                    .setAttribute("messaging.destination.name", record.topic())
                    .setAttribute("messaging.consumer.group.name", consumer)
                    .setAttribute("sciatica.case_id", String.valueOf(record.key()))
                    .startSpan();
            Scope scope = Context.current().with(span).makeCurrent();
            logCase(record.key());
            FlowStart.clear();
            Header flowStart = record.headers().lastHeader(FlowStart.HEADER);
            if (flowStart != null && flowStart.value() != null) {
                FlowStart.parse(new String(flowStart.value(), StandardCharsets.UTF_8)).ifPresent(FlowStart::set);
            }
            return work.get()
                    .onFailure().invoke(failure -> span.setStatus(StatusCode.ERROR, failure.toString()))
                    .onTermination().invoke(() -> {
                        MDC.remove(CASE_ID);
                        FlowStart.clear();
                        scope.close();
                        span.end();
                    });
        });
    }
}
