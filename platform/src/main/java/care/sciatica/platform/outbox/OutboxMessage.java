package care.sciatica.platform.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One outgoing event, written in the same transaction as the state change it announces. */
@Entity
@Table(name = "outbox")
public class OutboxMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "event_id", nullable = false, unique = true)
    UUID eventId;

    @Column(name = "event_type", nullable = false)
    String eventType;

    @Column(nullable = false)
    String topic;

    @Column(name = "message_key", nullable = false)
    String messageKey;

    @Column(nullable = false)
    String source;

    @Column(nullable = false)
    String subject;

    @Column(name = "occurred_at", nullable = false)
    Instant occurredAt;

    @Column(nullable = false)
    String payload;

    @Column(name = "published_at")
    Instant publishedAt;

    /** The W3C traceparent of the span that appended the event; null when nothing was traced. */
    @Column(name = "trace_parent")
    String traceParent;

    @Column(name = "flow_start")
    Instant flowStart;

    protected OutboxMessage() {
    }

    OutboxMessage(UUID eventId, String eventType, String topic, String caseId, String source,
                  Instant occurredAt, String payload, String traceParent, Instant flowStart) {
        this.eventId = eventId;
        this.eventType = eventType;
        this.topic = topic;
        this.messageKey = caseId;
        this.source = source;
        this.subject = caseId;
        this.occurredAt = occurredAt;
        this.payload = payload;
        this.traceParent = traceParent;
        this.flowStart = flowStart;
    }

    public UUID eventId() {
        return eventId;
    }
}
