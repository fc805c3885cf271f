package care.sciatica.platform.outbox;

import care.sciatica.contracts.CloudEventAttributes;
import care.sciatica.platform.observability.FlowStart;
import care.sciatica.platform.observability.TraceContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * Sends outbox rows as CloudEvents in Kafka binary mode (ce_* headers, JSON data), keyed by case id, with the
 * {@code flowstart} extension and the W3C {@code traceparent} stored with the row.
 */
@ApplicationScoped
public class OutboxPublisher {

    private static final Logger LOG = Logger.getLogger(OutboxPublisher.class);

    private final MutinyEmitter<String> emitter;

    public OutboxPublisher(@Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
                           MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    /** Sends the events in order and returns the ids of those the broker acknowledged. */
    Uni<List<Long>> publish(List<PendingEvent> events) {
        List<Uni<Long>> sends = events.stream().map(this::send).toList();
        return Uni.join().all(sends).andCollectFailures()
                .map(ids -> ids.stream().filter(Objects::nonNull).toList());
    }

    private Uni<Long> send(PendingEvent event) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventAttributes.SPECVERSION, CloudEventAttributes.SPEC_VERSION);
        header(headers, CloudEventAttributes.ID, event.eventId());
        header(headers, CloudEventAttributes.SOURCE, event.source());
        header(headers, CloudEventAttributes.TYPE, event.type());
        header(headers, CloudEventAttributes.SUBJECT, event.subject());
        header(headers, CloudEventAttributes.TIME, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(event.occurredAt()));
        header(headers, CloudEventAttributes.CONTENT_TYPE, "application/json");
        if (event.flowStart() != null) {
            header(headers, FlowStart.HEADER, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(event.flowStart()));
        }
        if (event.traceParent() != null) {
            // The appending transaction's span, not the relay's: the case's trace continues in the consumer.
            header(headers, TraceContext.TRACEPARENT, event.traceParent());
        }
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.topic())
                .withKey(event.key())
                .withHeaders(headers)
                .build();
        return emitter.sendMessage(Message.of(event.payload()).addMetadata(metadata))
                .replaceWith(event.id())
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Event %s (%s) not acknowledged, it stays pending: %s", event.eventId(), event.type(),
                            failure.toString());
                    return null;
                });
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
