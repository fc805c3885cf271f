package care.sciatica.session.messaging;

import care.sciatica.contracts.EventType;
import care.sciatica.contracts.assessment.PlanIssued;
import care.sciatica.contracts.assessment.PlanIssuedV2;
import care.sciatica.contracts.assessment.ReferralRequired;
import care.sciatica.platform.inbox.Inbox;
import care.sciatica.platform.inbox.IncomingEvent;
import care.sciatica.session.usecase.ReceivePlan;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads the assessment's plans (plan-issued v1 and v2) and referrals: a plan puts the case on its site's worklist for
 * the visit it is for.
 */
@ApplicationScoped
public class PlanConsumer {

    static final String CONSUMER = "session-service.plans";

    private final Inbox inbox;
    private final ReceivePlan receivePlan;

    public PlanConsumer(Inbox inbox, ReceivePlan receivePlan) {
        this.inbox = inbox;
        this.receivePlan = receivePlan;
    }

    @Incoming("plan-in")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return inbox.process(CONSUMER, record, this::handle);
    }

    private Uni<Void> handle(IncomingEvent event) {
        EventType type = event.eventType().orElse(null);
        // v2 beside v1 during the migration: a v1 plan is read as the first visit's, then both take one path.
        if (type == EventType.PLAN_ISSUED) {
            return receivePlan.planIssued(PlanIssuedV2.from(event.dataAs(PlanIssued.class)), event.data());
        }
        if (type == EventType.PLAN_ISSUED_V2) {
            return receivePlan.planIssued(event.dataAs(PlanIssuedV2.class), event.data());
        }
        if (type == EventType.REFERRAL_REQUIRED) {
            return receivePlan.referred(event.dataAs(ReferralRequired.class));
        }
        return Uni.createFrom().voidItem();
    }
}
