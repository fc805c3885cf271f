package care.sciatica.assessment.usecase;

import care.sciatica.assessment.domain.AssessCase;
import care.sciatica.assessment.domain.Assessment;
import care.sciatica.assessment.domain.AssessmentEvents;
import care.sciatica.assessment.domain.AssessmentIds;
import care.sciatica.assessment.domain.Referral;
import care.sciatica.assessment.domain.TreatmentPlan;
import care.sciatica.assessment.domain.rules.RuleSet;
import care.sciatica.assessment.persistence.AssessmentRecord;
import care.sciatica.contracts.EventJson;
import care.sciatica.contracts.EventType;
import care.sciatica.contracts.intake.History;
import care.sciatica.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Assesses one version of a case's history and publishes the plan or referral; the assessment supersedes the case's
 * current one. Runs inside the inbox's transaction, so the assessment, its event and the processed-event mark commit
 * together.
 */
@ApplicationScoped
public class AssessHistory {

    private final RuleSet rules;
    private final Outbox outbox;

    public AssessHistory(RuleSet rules, Outbox outbox) {
        this.rules = rules;
        this.outbox = outbox;
    }

    /** The facts of one history event, whichever of recorded or amended it was. */
    public record HistoryFacts(UUID caseId, String siteId, String patientRef, int historyVersion, int ageYears,
                               History history, Instant recordedAt) {
    }

    public Uni<Void> assess(HistoryFacts facts) {
        Assessment assessment = AssessCase.assess(facts.history(), facts.ageYears(),
                LocalDate.ofInstant(facts.recordedAt(), ZoneOffset.UTC), rules);
        return AssessmentRecord.current(facts.caseId())
                .chain(current -> supersede(current)
                        .chain(() -> AssessmentRecord.plansOf(facts.caseId()))
                        .chain(plans -> record(facts, assessment, current, plans.intValue())));
    }

    private static Uni<Void> supersede(AssessmentRecord current) {
        if (current == null) {
            return Uni.createFrom().voidItem();
        }
        current.status = AssessmentRecord.SUPERSEDED;
        // Flushed now, so the partial unique index on CURRENT sees it before the new row is inserted.
        return current.persistAndFlush().replaceWithVoid();
    }

    private Uni<Void> record(HistoryFacts facts, Assessment assessment, AssessmentRecord current, int plansSoFar) {
        boolean plan = assessment instanceof TreatmentPlan;
        Integer supersedes = current != null && current.planVersion != null ? current.planVersion : null;
        int planVersion = plan ? plansSoFar + 1 : 0;
        Instant now = Instant.now();
        UUID assessmentId = UUID.randomUUID();
        AssessmentIds ids = new AssessmentIds(facts.caseId().toString(), facts.siteId(), facts.patientRef(),
                assessmentId.toString(), facts.historyVersion(), planVersion, supersedes, now);
        Record event = AssessmentEvents.of(assessment, ids);

        AssessmentRecord row = new AssessmentRecord();
        row.id = assessmentId;
        row.caseId = facts.caseId();
        row.siteId = facts.siteId();
        row.patientRef = facts.patientRef();
        row.historyVersion = facts.historyVersion();
        row.planVersion = plan ? planVersion : null;
        row.disposition = plan ? "PLAN" : "REFERRAL";
        row.status = AssessmentRecord.CURRENT;
        row.primaryOrigin = assessment instanceof TreatmentPlan treatment ? treatment.origin().primary().name() : null;
        row.urgency = assessment instanceof Referral referral ? referral.urgency().name() : null;
        row.rulesVersion = assessment.rulesVersion();
        row.eventType = EventType.ofDataClass(event.getClass()).orElseThrow().type();
        row.content = new String(EventJson.toBytes(event), StandardCharsets.UTF_8);
        row.assessedAt = now;
        return row.persist().chain(() -> outbox.append(row.caseId.toString(), row.siteId, event)).replaceWithVoid();
    }
}
