package care.sciatica.platform.inbox;

import care.sciatica.platform.failure.Outage;
import care.sciatica.platform.observability.AfterCommit;
import care.sciatica.platform.observability.CaseContext;
import care.sciatica.contracts.CloudEventAttributes;
import care.sciatica.platform.observability.PipelineMetrics;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.Function;

/**
 * The idempotent consumer: records the event id in the same transaction as the state change, so a redelivered event
 * changes nothing. A failing handler is retried a bounded number of times; then, or at once for a poison event,
 * the failure is returned, the message is nacked and the connector's dead-letter route takes it. An outage of the
 * database ({@link Outage}) is no fault of the event: it is retried until the database is back, and the partition waits
 * (events of a case stay in order).
 * The offset is committed only after this returns successfully (post-processing acknowledgement).
 * Each event is handled in a span that continues the producer's trace, with its case id in the log context, and
 * what the handler deferred with {@link AfterCommit} runs once its transaction has committed.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);
    private static final String CLAIM = """
            INSERT INTO inbox (consumer, event_id, event_type) VALUES (?1, ?2, ?3)
            ON CONFLICT (consumer, event_id) DO NOTHING""";

    private final InboxConfig config;
    private final CaseContext caseContext;
    private final PipelineMetrics metrics;
    private final String deadLetterTopic;

    public Inbox(InboxConfig config, CaseContext caseContext, PipelineMetrics metrics,
                 @ConfigProperty(name = "sciatica.service.name") String service) {
        this.config = config;
        this.caseContext = caseContext;
        this.metrics = metrics;
        // The services name their dead-letter topic after themselves: assessment-service → assessment.dlq.
        this.deadLetterTopic = config.deadLetterTopic().orElse(service.replaceFirst("-service$", "") + ".dlq");
    }

    /** Runs {@code handler} once per event id for {@code consumer}, in one transaction with the inbox entry. */
    public Uni<Void> process(String consumer, ConsumerRecord<String, String> record,
                             Function<IncomingEvent, Uni<Void>> handler) {
        return caseContext.consuming(consumer, record, () -> Uni.createFrom().item(() -> IncomingEvent.from(record))
                .chain(event -> AfterCommit.scope(() -> Panache.withTransaction(() -> claim(consumer, event)
                                .chain(first -> first
                                        ? handle(consumer, event, handler) : skipDuplicate(consumer, event))))
                        .onFailure(failure -> !(failure instanceof PoisonEventException) && !Outage.isCauseOf(failure))
                        .retry().withBackOff(config.retryBackoff()).atMost(config.retries())
                        .onFailure(Outage::isCauseOf).invoke(failure -> LOG.warnf(
                                "Event at %s/%d@%d waits for the database: %s", record.topic(), record.partition(),
                                record.offset(), failure.toString()))
                        .onFailure(Outage::isCauseOf).retry()
                        .withBackOff(config.retryBackoff(), config.outageBackoff()).indefinitely())
                .onFailure().invoke(failure -> {
                    LOG.warnf("Event at %s/%d@%d goes to the dead-letter topic: %s",
                            record.topic(), record.partition(), record.offset(), failure.toString());
                    metrics.deadLettered(deadLetterTopic);
                }));
    }

    /**
     * As {@link #process(String, ConsumerRecord, Function)}, for a consumer that acts on {@code handledTypes} only:
     * an event of another type (read from its ce_type header, the data left unparsed) is skipped without a database
     * transaction and without an inbox entry; its offset is committed like any other. An event without a type goes
     * the usual way (and is poison there).
     */
    public Uni<Void> process(String consumer, ConsumerRecord<String, String> record, Set<String> handledTypes,
                             Function<IncomingEvent, Uni<Void>> handler) {
        Header type = record.headers().lastHeader(CloudEventAttributes.TYPE);
        if (type != null && type.value() != null && type.value().length > 0
                && !handledTypes.contains(new String(type.value(), StandardCharsets.UTF_8))) {
            LOG.debugf("%s skips %s/%d@%d: not a type it handles", consumer, record.topic(), record.partition(),
                    record.offset());
            return Uni.createFrom().voidItem();
        }
        return process(consumer, record, handler);
    }

    private Uni<Boolean> claim(String consumer, IncomingEvent event) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(CLAIM)
                        .setParameter(1, consumer)
                        .setParameter(2, event.id())
                        .setParameter(3, event.type())
                        .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    /** Runs the handler; once its transaction commits, one log line (with the case and trace in the MDC) says so. */
    private static Uni<Void> handle(String consumer, IncomingEvent event, Function<IncomingEvent, Uni<Void>> handler) {
        AfterCommit.run(() -> LOG.infof("%s processed event %s (%s)", consumer, event.id(), event.type()));
        return handler.apply(event);
    }

    private static Uni<Void> skipDuplicate(String consumer, IncomingEvent event) {
        LOG.debugf("%s already processed event %s (%s)", consumer, event.id(), event.type());
        return Uni.createFrom().voidItem();
    }
}
