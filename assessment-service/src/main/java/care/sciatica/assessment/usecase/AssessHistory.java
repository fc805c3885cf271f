package care.sciatica.assessment.usecase;

import care.sciatica.assessment.domain.ApplyOverride;
import care.sciatica.assessment.domain.Assessment;
import care.sciatica.assessment.domain.rules.CaseFacts;
import care.sciatica.assessment.domain.rules.RuleSet;
import care.sciatica.assessment.persistence.AssessmentRecord;
import care.sciatica.assessment.persistence.OverrideRecord;
import care.sciatica.assessment.usecase.PublishAssessment.CaseSubject;
import care.sciatica.contracts.intake.History;
import care.sciatica.platform.audit.AuditLog;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Assesses one version of a case's history, replaying every clinical-lead override made on the case so far, and
 * publishes the plan or referral; the assessment supersedes the case's current one. Runs inside the inbox's
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

    /** The facts of one history event, whichever of recorded or amended it was. */
    public record HistoryFacts(UUID caseId, String siteId, String patientRef, int historyVersion, int ageYears,
                               History history, Instant recordedAt) {
    }

    /** @param actor the consumer that read the event, named as such in the audit log */
    public Uni<Void> assess(HistoryFacts facts, String actor) {
        CaseFacts caseFacts = new CaseFacts(facts.history(), facts.ageYears(),
                LocalDate.ofInstant(facts.recordedAt(), ZoneOffset.UTC));
        CaseSubject subject = new CaseSubject(facts.caseId(), facts.siteId(), facts.patientRef(),
                facts.historyVersion());
        return AssessmentRecord.currentForUpdate(facts.caseId())
                .chain(current -> OverrideRecord.ofCase(facts.caseId())
                        .map(overrides -> ApplyOverride.replay(caseFacts, rules, LeadOverrides.toDomain(overrides)))
                        .chain((Assessment assessment) ->
                                publishAssessment.publish(subject, caseFacts, assessment, current, actor)))
                .invoke(row -> metrics.planned(row, facts.recordedAt()))
                .chain(row -> auditLog.record(actor, PublishAssessment.PLAN.equals(row.disposition)
                                ? "assessment.plan-issued" : "assessment.referral-required",
                        row.siteId, row.caseId, row.id.toString(), PublishAssessment.auditDetail(row)));
    }
}
