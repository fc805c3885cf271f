package care.sciatica.intake.messaging;

import care.sciatica.contracts.EventType;
import care.sciatica.contracts.followup.VisitStarted;
import care.sciatica.intake.usecase.OpenVisit;
import care.sciatica.platform.inbox.Inbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Set;

/** Reads which follow-up appointments the patients came to, and opens each one's visit for its review once. */
@ApplicationScoped
public class VisitConsumers {

    static final String VISITS = "intake-service.visits";

    /** The follow-up events intake acts on; the appointment and discharge events are skipped without a transaction. */
    static final Set<String> VISIT_TYPES = Set.of(EventType.VISIT_STARTED.type());

    private final Inbox inbox;
    private final OpenVisit openVisit;

    public VisitConsumers(Inbox inbox, OpenVisit openVisit) {
        this.inbox = inbox;
        this.openVisit = openVisit;
    }

    @Incoming("visit-in")
    public Uni<Void> visit(ConsumerRecord<String, String> record) {
        return inbox.process(VISITS, record, VISIT_TYPES, event -> openVisit.after(event.dataAs(VisitStarted.class)));
    }
}
