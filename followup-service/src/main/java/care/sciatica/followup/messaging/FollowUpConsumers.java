package care.sciatica.followup.messaging;

import care.sciatica.contracts.EventType;
import care.sciatica.contracts.assessment.ReferralRequired;
import care.sciatica.contracts.session.SessionCompleted;
import care.sciatica.contracts.session.SessionEndedEarly;
import care.sciatica.followup.usecase.PlanFollowUp;
import care.sciatica.platform.inbox.Inbox;
import care.sciatica.platform.inbox.IncomingEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Set;

/** Reads how sessions ended and which cases were referred out, and plans each one's follow-up once. */
@ApplicationScoped
public class FollowUpConsumers {

    static final String SESSIONS = "followup-service.sessions";
    static final String REFERRALS = "followup-service.referrals";

    /** The session events this service acts on; consent and step events are skipped without a transaction. */
    static final Set<String> SESSION_TYPES = Set.of(EventType.SESSION_COMPLETED.type(),
            EventType.SESSION_ENDED_EARLY.type());
    static final Set<String> REFERRAL_TYPES = Set.of(EventType.REFERRAL_REQUIRED.type());

    private final Inbox inbox;
    private final PlanFollowUp planFollowUp;

    public FollowUpConsumers(Inbox inbox, PlanFollowUp planFollowUp) {
        this.inbox = inbox;
        this.planFollowUp = planFollowUp;
    }

    @Incoming("session-in")
    public Uni<Void> session(ConsumerRecord<String, String> record) {
        return inbox.process(SESSIONS, record, SESSION_TYPES, event -> switch (event.eventType().orElse(null)) {
            case SESSION_COMPLETED -> planFollowUp.after(event.dataAs(SessionCompleted.class));
            case SESSION_ENDED_EARLY -> planFollowUp.after(event.dataAs(SessionEndedEarly.class));
            case null, default -> ignore(event);
        });
    }

    @Incoming("referral-in")
    public Uni<Void> referral(ConsumerRecord<String, String> record) {
        return inbox.process(REFERRALS, record, REFERRAL_TYPES,
                event -> event.eventType().orElse(null) == EventType.REFERRAL_REQUIRED
                        ? planFollowUp.after(event.dataAs(ReferralRequired.class))
                        : ignore(event));
    }

    /** Unreachable past the type filters above; keeps the switch total. */
    private static Uni<Void> ignore(IncomingEvent event) {
        return Uni.createFrom().voidItem();
    }
}
