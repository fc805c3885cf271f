package care.sciatica.assessment.messaging;

import care.sciatica.assessment.usecase.AssessHistory;
import care.sciatica.assessment.usecase.AssessHistory.HistoryFacts;
import care.sciatica.contracts.EventType;
import care.sciatica.contracts.intake.HistoryAmended;
import care.sciatica.contracts.intake.HistoryRecorded;
import care.sciatica.contracts.intake.VisitReviewed;
import care.sciatica.platform.inbox.Inbox;
import care.sciatica.platform.inbox.IncomingEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.UUID;

/** Reads intake's history events: each recorded or amended history, and each visit's review, is assessed once. */
@ApplicationScoped
public class HistoryConsumer {

    static final String CONSUMER = "assessment-service.history";

    private final Inbox inbox;
    private final AssessHistory assessHistory;

    public HistoryConsumer(Inbox inbox, AssessHistory assessHistory) {
        this.inbox = inbox;
        this.assessHistory = assessHistory;
    }

    @Incoming("history-in")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return inbox.process(CONSUMER, record, this::handle);
    }

    private Uni<Void> handle(IncomingEvent event) {
        EventType type = event.eventType().orElse(null);
        if (type == EventType.HISTORY_RECORDED) {
            HistoryRecorded recorded = event.dataAs(HistoryRecorded.class);
            return assessHistory.assess(new HistoryFacts(UUID.fromString(recorded.caseId()), recorded.siteId(),
                    recorded.patientRef(), recorded.historyVersion(), recorded.ageYears(), recorded.history(),
                    recorded.occurredAt()), CONSUMER);
        }
        if (type == EventType.HISTORY_AMENDED) {
            HistoryAmended amended = event.dataAs(HistoryAmended.class);
            return assessHistory.assess(new HistoryFacts(UUID.fromString(amended.caseId()), amended.siteId(),
                    amended.patientRef(), amended.historyVersion(), amended.ageYears(), amended.history(),
                    amended.occurredAt()), CONSUMER);
        }
        if (type == EventType.VISIT_REVIEWED) {
            // A follow-up visit's review is a complete new history version: assessed like an amendment, for its visit.
            VisitReviewed reviewed = event.dataAs(VisitReviewed.class);
            return assessHistory.assess(new HistoryFacts(UUID.fromString(reviewed.caseId()), reviewed.siteId(),
                    reviewed.patientRef(), reviewed.historyVersion(), reviewed.ageYears(), reviewed.history(),
                    reviewed.occurredAt(), reviewed.visit(), reviewed.review().neurologicalChange()), CONSUMER);
        }
        // Other intake events are not this service's business; the inbox still marks them seen.
        return Uni.createFrom().voidItem();
    }
}
