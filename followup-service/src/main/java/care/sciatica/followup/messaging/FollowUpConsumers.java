package care.sciatica.followup.messaging;

import care.sciatica.contracts.EventType;
import care.sciatica.contracts.assessment.ReferralRequired;
import care.sciatica.contracts.intake.HistoryAmended;
import care.sciatica.contracts.intake.HistoryRecorded;
import care.sciatica.contracts.intake.VisitReviewed;
import care.sciatica.contracts.session.SessionCompleted;
import care.sciatica.contracts.session.SessionEndedEarly;
import care.sciatica.followup.usecase.FollowEpisode;
import care.sciatica.platform.inbox.Inbox;
import care.sciatica.platform.inbox.IncomingEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Set;

/**
 * Reads how sessions ended, which cases were referred out, and the intake's outcome scores (baseline and each visit's
 * review), and follows each case's episode once per event: the next appointment, a person's task, or the episode's end.
 */
@ApplicationScoped
public class FollowUpConsumers {

    static final String SESSIONS = "followup-service.sessions";
    static final String REFERRALS = "followup-service.referrals";
    static final String HISTORIES = "followup-service.histories";

    /** The session events this service acts on; consent and step events are skipped without a transaction. */
    static final Set<String> SESSION_TYPES = Set.of(EventType.SESSION_COMPLETED.type(),
            EventType.SESSION_ENDED_EARLY.type());
    static final Set<String> REFERRAL_TYPES = Set.of(EventType.REFERRAL_REQUIRED.type());
    /** The intake events that carry outcome scores: the baseline at intake (or amended), and each visit's review. */
    static final Set<String> HISTORY_TYPES = Set.of(EventType.HISTORY_RECORDED.type(),
            EventType.HISTORY_AMENDED.type(), EventType.VISIT_REVIEWED.type());

    private final Inbox inbox;
    private final FollowEpisode episodes;

    public FollowUpConsumers(Inbox inbox, FollowEpisode episodes) {
        this.inbox = inbox;
        this.episodes = episodes;
    }

    @Incoming("session-in")
    public Uni<Void> session(ConsumerRecord<String, String> record) {
        return inbox.process(SESSIONS, record, SESSION_TYPES, event -> switch (event.eventType().orElse(null)) {
            case SESSION_COMPLETED -> episodes.after(event.dataAs(SessionCompleted.class));
            case SESSION_ENDED_EARLY -> episodes.after(event.dataAs(SessionEndedEarly.class));
            case null, default -> ignore(event);
        });
    }

    @Incoming("referral-in")
    public Uni<Void> referral(ConsumerRecord<String, String> record) {
        return inbox.process(REFERRALS, record, REFERRAL_TYPES,
                event -> event.eventType().orElse(null) == EventType.REFERRAL_REQUIRED
                        ? episodes.after(event.dataAs(ReferralRequired.class))
                        : ignore(event));
    }

    @Incoming("history-in")
    public Uni<Void> history(ConsumerRecord<String, String> record) {
        return inbox.process(HISTORIES, record, HISTORY_TYPES, event -> switch (event.eventType().orElse(null)) {
            case HISTORY_RECORDED -> {
                HistoryRecorded recorded = event.dataAs(HistoryRecorded.class);
                yield episodes.baseline(recorded.caseId(), recorded.siteId(), recorded.patientRef(),
                        recorded.occurredAt(), recorded.history().baselineOutcomes());
            }
            case HISTORY_AMENDED -> {
                HistoryAmended amended = event.dataAs(HistoryAmended.class);
                yield episodes.baseline(amended.caseId(), amended.siteId(), amended.patientRef(),
                        amended.occurredAt(), amended.history().baselineOutcomes());
            }
            case VISIT_REVIEWED -> episodes.reviewed(event.dataAs(VisitReviewed.class));
            case null, default -> ignore(event);
        });
    }

    /** Unreachable past the type filters above; keeps the switch total. */
    private static Uni<Void> ignore(IncomingEvent event) {
        return Uni.createFrom().voidItem();
    }
}
