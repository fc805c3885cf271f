package care.sciatica.assessment.usecase;

import care.sciatica.assessment.domain.Assessment;
import care.sciatica.assessment.domain.AssessmentEvents;
import care.sciatica.assessment.domain.AssessmentIds;
import care.sciatica.assessment.domain.PlannedStep;
import care.sciatica.assessment.domain.Referral;
import care.sciatica.assessment.domain.TreatmentPlan;
import care.sciatica.assessment.domain.rules.CaseFacts;
import care.sciatica.assessment.persistence.AssessmentRecord;
import care.sciatica.contracts.EventJson;
import care.sciatica.contracts.EventType;
import care.sciatica.contracts.assessment.PlanIssued;
import care.sciatica.contracts.assessment.PlanIssuedV2;
import care.sciatica.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Records a new assessment of a case as its current one, superseding the previous, and stages its plan-issued or
 * referral-required event in the outbox. Runs inside the caller's transaction (the inbox's or an override's).
 */
@ApplicationScoped
public class PublishAssessment {

    static final String PLAN = "PLAN";
    static final String REFERRAL = "REFERRAL";

    private final Outbox outbox;
    private final AssessmentMetrics metrics;

    public PublishAssessment(Outbox outbox, AssessmentMetrics metrics) {
        this.outbox = outbox;
        this.metrics = metrics;
    }

    /** The case an assessment is about: who, where, which history version it read and which visit it is for. */
    public record CaseSubject(UUID caseId, String siteId, String patientRef, int historyVersion, int visit) {
    }

    /**
     * @param current    the case's current assessment, read with a lock, or null for its first
     * @param producedBy the consumer or the clinical lead whose action produced this assessment
     */
    public Uni<AssessmentRecord> publish(CaseSubject subject, CaseFacts facts, Assessment assessment,
                                         AssessmentRecord current, String producedBy) {
        return supersede(current)
                .chain(() -> AssessmentRecord.plansOf(subject.caseId()))
                .chain(plans -> AssessmentRecord.latestPlan(subject.caseId())
                        .chain(previous -> record(subject, facts, assessment, current, plans.intValue(),
                                previousSteps(previous), producedBy)));
    }

    /** The steps of the case's previous plan, as it was published (v1 or v2); none before its first plan. */
    private static List<PlannedStep> previousSteps(AssessmentRecord previous) {
        if (previous == null) {
            return List.of();
        }
        Record published = EventJson.fromBytes(previous.content.getBytes(StandardCharsets.UTF_8),
                EventType.of(previous.eventType).orElseThrow());
        return AssessmentEvents.stepsOf(published instanceof PlanIssued v1 ? PlanIssuedV2.from(v1)
                : (PlanIssuedV2) published);
    }

    private static Uni<Void> supersede(AssessmentRecord current) {
        if (current == null) {
            return Uni.createFrom().voidItem();
        }
        current.status = AssessmentRecord.SUPERSEDED;
        // Flushed now, so the partial unique index on CURRENT sees it before the new row is inserted.
        return current.persistAndFlush().replaceWithVoid();
    }

    private Uni<AssessmentRecord> record(CaseSubject subject, CaseFacts facts, Assessment assessment,
                                         AssessmentRecord current, int plansSoFar, List<PlannedStep> previousSteps,
                                         String producedBy) {
        boolean plan = assessment instanceof TreatmentPlan;
        Integer supersedes = current != null && current.planVersion != null ? current.planVersion : null;
        int planVersion = plan ? plansSoFar + 1 : 0;
        Instant now = Instant.now();
        UUID assessmentId = UUID.randomUUID();
        AssessmentIds ids = new AssessmentIds(subject.caseId().toString(), subject.siteId(), subject.patientRef(),
                assessmentId.toString(), subject.historyVersion(), subject.visit(), planVersion, supersedes, now);
        Record event = AssessmentEvents.of(assessment, ids, previousSteps);

        AssessmentRecord row = new AssessmentRecord();
        row.id = assessmentId;
        row.caseId = subject.caseId();
        row.siteId = subject.siteId();
        row.patientRef = subject.patientRef();
        row.historyVersion = subject.historyVersion();
        row.planVersion = plan ? planVersion : null;
        row.supersedesPlanVersion = plan ? supersedes : null;
        row.disposition = plan ? PLAN : REFERRAL;
        row.status = AssessmentRecord.CURRENT;
        row.primaryOrigin = assessment instanceof TreatmentPlan treatment ? treatment.origin().primary().name() : null;
        row.urgency = assessment instanceof Referral referral ? referral.urgency().name() : null;
        row.rulesVersion = assessment.rulesVersion();
        row.eventType = EventType.ofDataClass(event.getClass()).orElseThrow().type();
        row.content = new String(EventJson.toBytes(event), StandardCharsets.UTF_8);
        row.assessedAt = now;
        row.history = new String(EventJson.toBytes(facts.history()), StandardCharsets.UTF_8);
        row.ageYears = facts.ageYears();
        row.assessedOn = facts.assessedOn();
        row.visit = subject.visit();
        row.neurologicalChange = facts.neurologicalChange() == null ? null
                : new String(EventJson.toBytes(facts.neurologicalChange()), StandardCharsets.UTF_8);
        row.producedBy = producedBy;
        return row.persist().chain(() -> outbox.append(row.caseId.toString(), row.siteId, event))
                .invoke(() -> metrics.published(row))
                .replaceWith(row);
    }

    /** What the audit log says about an assessment, without free text: versions, disposition, rules version. */
    static String auditDetail(AssessmentRecord row) {
        return PLAN.equals(row.disposition)
                ? "plan v" + row.planVersion + (row.supersedesPlanVersion == null ? "" : " supersedes v"
                        + row.supersedesPlanVersion) + ", origin " + row.primaryOrigin + ", history v"
                        + row.historyVersion + ", visit " + row.visit + ", rules " + row.rulesVersion
                : "referral " + row.urgency + ", history v" + row.historyVersion + ", visit " + row.visit
                        + ", rules " + row.rulesVersion;
    }
}
