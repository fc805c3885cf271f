package care.sciatica.platform.testapp;

import care.sciatica.platform.inbox.Inbox;
import care.sciatica.platform.inbox.IncomingEvent;
import care.sciatica.platform.inbox.PoisonEventException;
import io.opentelemetry.api.trace.Span;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A consumer whose data says how it should behave: "ok", "flaky" (fails twice, then works), "broken" (always fails,
 * transiently) or "poison" (can never be processed).
 */
@ApplicationScoped
public class TestConsumer {

    static final Map<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();
    /** The trace each event's handler ran in, by event id. */
    public static final Map<String, String> TRACE_IDS = new ConcurrentHashMap<>();

    /** The one type this consumer acts on; others (e.g. parcel-weighed) are skipped before any transaction. */
    public static final Set<String> HANDLED = Set.of("care.sciatica.test.parcel-moved.v1");

    private final Inbox inbox;

    public TestConsumer(Inbox inbox) {
        this.inbox = inbox;
    }

    @Incoming("test-in")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return inbox.process("platform-test", record, HANDLED, this::handle);
    }

    private Uni<Void> handle(IncomingEvent event) {
        TRACE_IDS.put(event.id(), Span.current().getSpanContext().getTraceId());
        int attempt = ATTEMPTS.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
        String behaviour = event.data().replace("\"", "").trim();
        ReceivedEvent received = new ReceivedEvent();
        received.eventId = event.id();
        received.subject = event.subject();
        received.attempts = attempt;
        return switch (behaviour) {
            case "poison" -> Uni.createFrom().failure(new PoisonEventException("cannot be read"));
            case "broken" -> Uni.createFrom().failure(new IllegalStateException("still broken"));
            case "flaky" -> attempt <= 2
                    ? received.persist().chain(() -> Uni.createFrom().failure(new IllegalStateException("flaky")))
                    : received.persist().replaceWithVoid();
            default -> received.persist().replaceWithVoid();
        };
    }
}
