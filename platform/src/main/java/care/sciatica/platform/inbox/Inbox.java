package care.sciatica.platform.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.util.function.Function;

/**
 * The idempotent consumer: records the event id in the same transaction as the state change, so a redelivered event
 * changes nothing. Transient failures are retried a bounded number of times; then, or at once for a poison event,
 * the failure is returned, the message is nacked and the connector's dead-letter route takes it.
 * The offset is committed only after this returns successfully (post-processing acknowledgement).
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);
    private static final String CLAIM = """
            INSERT INTO inbox (consumer, event_id, event_type) VALUES (?1, ?2, ?3)
            ON CONFLICT (consumer, event_id) DO NOTHING""";

    private final InboxConfig config;

    public Inbox(InboxConfig config) {
        this.config = config;
    }

    /** Runs {@code handler} once per event id for {@code consumer}, in one transaction with the inbox entry. */
    public Uni<Void> process(String consumer, ConsumerRecord<String, String> record,
                             Function<IncomingEvent, Uni<Void>> handler) {
        return Uni.createFrom().item(() -> IncomingEvent.from(record))
                .chain(event -> Uni.createFrom().deferred(() -> Panache.withTransaction(() -> claim(consumer, event)
                                .chain(first -> first ? handler.apply(event) : skipDuplicate(consumer, event))))
                        .onFailure(failure -> !(failure instanceof PoisonEventException)).retry()
                        .withBackOff(config.retryBackoff()).atMost(config.retries()))
                .onFailure().invoke(failure -> LOG.warnf("Event at %s/%d@%d goes to the dead-letter topic: %s",
                        record.topic(), record.partition(), record.offset(), failure.toString()));
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

    private static Uni<Void> skipDuplicate(String consumer, IncomingEvent event) {
        LOG.debugf("%s already processed event %s (%s)", consumer, event.id(), event.type());
        return Uni.createFrom().voidItem();
    }
}
