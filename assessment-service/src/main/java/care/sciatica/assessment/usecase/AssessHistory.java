package care.sciatica.assessment.usecase;

import care.sciatica.assessment.domain.ApplyOverride;
import care.sciatica.assessment.domain.Assessment;
import care.sciatica.assessment.domain.rules.CaseFacts;
import care.sciatica.assessment.domain.rules.RuleSet;
import care.sciatica.assessment.persistence.AssessmentRecord;
import care.sciatica.assessment.persistence.OverrideRecord;
import care.sciatica.assessment.usecase.PublishAssessment.CaseSubject;
import care.sciatica.contracts.intake.History;
import care.sciatica.contracts.intake.NeurologicalChange;
import care.sciatica.platform.audit.AuditLog;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Assesses one version of a case's history, replaying every clinical-lead override made on the case so far, and
 * publishes the plan or referral for the visit it belongs to; the assessment supersedes the case's current one. Runs inside the inbox's
 * transaction, so the assessment, its event, its audit entry and the processed-event mark commit together.
 */
@ApplicationScoped
public class AssessHistory {

    private final RuleSet rules;
    private final PublishAssessment publishAssessment;
    private final AuditLog auditLog;
    private final AssessmentMetrics metrics;

    public AssessHistory(RuleSet rules, PublishAssessment publishAssessment, AuditLog auditLog,
                         AssessmentMetrics metrics) {
        this.metrics = metrics;
        this.rules = rules;
        this.publishAssessment = publishAssessment;
        this.auditLog = auditLog;
    }

    /**
     * The facts of one history event, whichever of recorded, amended or a visit's review it was.
     *
     * @param visit              the visit a review is for; null for a recorded or amended history, which is the
     *                           case's current visit (1 at intake; an amendment keeps the visit it corrects)
     * @param neurologicalChange the review's change in the neurological signs; null for a recorded or amended history
     */
    public record HistoryFacts(UUID caseId, String siteId, String patientRef, int historyVersion, int ageYears,
                               History history, Instant recordedAt, Integer visit,
                               NeurologicalChange neurologicalChange) {

        /** A recorded or amended history: no review of its own. */
        public HistoryFacts(UUID caseId, String siteId, String patientRef, int historyVersion, int ageYears,
                            History history, Instant recordedAt) {
            this(caseId, siteId, patientRef, historyVersion, ageYears, history, recordedAt, null, null);
        }
    }

    /** @param actor the consumer that read the event, named as such in the audit log */
    public Uni<Void> assess(HistoryFacts facts, String actor) {
        LocalDate assessedOn = LocalDate.ofInstant(facts.recordedAt(), ZoneOffset.UTC);
        return AssessmentRecord.currentForUpdate(facts.caseId())
                .chain(current -> {
                    // An amendment corrects the current visit's history: it keeps that visit and its review.
                    boolean review = facts.visit() != null;
                    int visit = review ? facts.visit() : current == null ? 1 : current.visit;
                    NeurologicalChange change = review ? facts.neurologicalChange()
                            : current == null ? null : HistoryInput.storedChange(current.neurologicalChange);
                    CaseFacts caseFacts = new CaseFacts(facts.history(), facts.ageYears(), assessedOn, change);
                    CaseSubject subject = new CaseSubject(facts.caseId(), facts.siteId(), facts.patientRef(),
                            facts.historyVersion(), visit);
                    return OverrideRecord.ofCase(facts.caseId())
                            .map(overrides -> ApplyOverride.replay(caseFacts, rules, LeadOverrides.toDomain(overrides)))
                            .chain((Assessment assessment) ->
                                    publishAssessment.publish(subject, caseFacts, assessment, current, actor));
                })
                .invoke(row -> metrics.planned(row, facts.recordedAt()))
                .chain(row -> auditLog.record(actor, PublishAssessment.PLAN.equals(row.disposition)
                                ? "assessment.plan-issued" : "assessment.referral-required",
                        row.siteId, row.caseId, row.id.toString(), PublishAssessment.auditDetail(row)));
    }
}
