package care.sciatica.platform.outbox;

import care.sciatica.contracts.CloudEventAttributes;
import care.sciatica.contracts.EventJson;
import care.sciatica.contracts.EventType;
import care.sciatica.platform.observability.FlowStart;
import care.sciatica.platform.observability.TraceContext;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Appends an event to the outbox inside the caller's transaction, so the event exists if and only if the state
 * change that it announces was committed. The {@link OutboxRelay} publishes it afterwards, with the trace context and
 * the flow start that were current when it was appended.
 */
@ApplicationScoped
public class Outbox {

    private final String service;

    public Outbox(@ConfigProperty(name = "sciatica.service.name") String service) {
        this.service = service;
    }

    /** Stages {@code data}, a record of the event catalogue, as an event about {@code caseId}; returns its id. */
    public Uni<UUID> append(String caseId, String siteId, Record data) {
        EventType type = EventType.ofDataClass(data.getClass()).orElseThrow(() -> new IllegalArgumentException(
                data.getClass().getName() + " is not an event of the catalogue"));
        Instant now = Instant.now();
        OutboxMessage message = new OutboxMessage(UUID.randomUUID(), type.type(), type.topic(), caseId,
                CloudEventAttributes.source(siteId, service), now,
                new String(EventJson.toBytes(data), StandardCharsets.UTF_8),
                TraceContext.currentTraceparent(), FlowStart.current().orElse(now));
        return Panache.currentTransaction()
                .onItem().ifNull().failWith(() -> new IllegalStateException(
                        "Outbox.append must run inside the transaction of the state change it announces"))
                .chain(transaction -> Panache.getSession())
                .chain(session -> session.persist(message))
                .replaceWith(message::eventId);
    }
}
