package care.sciatica.console.live;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;

/**
 * Reads the four services' topics with the console's own consumer group and tells every open page which case of
 * which site changed. Only the key and the {@code ce_source} header are read; the event's data is never parsed.
 */
@ApplicationScoped
public class CaseChanges {

    private static final Logger LOG = Logger.getLogger(CaseChanges.class);

    private final BroadcastProcessor<CaseChanged> changes = BroadcastProcessor.create();

    /** Every change from now on, for the sites given (a viewer's own). */
    public Multi<CaseChanged> at(java.util.Collection<String> sites) {
        return changes.filter(change -> sites.contains(change.siteId()));
    }

    @Incoming("intake-events")
    public CompletionStage<Void> intake(Message<String> event) {
        return relay(event, "intake");
    }

    @Incoming("assessment-events")
    public CompletionStage<Void> assessment(Message<String> event) {
        return relay(event, "assessment");
    }

    @Incoming("session-events")
    public CompletionStage<Void> session(Message<String> event) {
        return relay(event, "session");
    }

    @Incoming("followup-events")
    public CompletionStage<Void> followup(Message<String> event) {
        return relay(event, "followup");
    }

    private CompletionStage<Void> relay(Message<String> event, String service) {
        event.getMetadata(IncomingKafkaRecordMetadata.class).ifPresent(metadata -> {
            Header source = metadata.getHeaders().lastHeader("ce_source");
            String site = source == null ? null : CaseChanged.siteOf(new String(source.value(), StandardCharsets.UTF_8));
            Object key = metadata.getKey();
            if (site != null && key != null) {
                LOG.debugf("Case %s at %s changed (%s)", key, site, service);
                changes.onNext(new CaseChanged(key.toString(), site, service));
            }
        });
        return event.ack();
    }
}
