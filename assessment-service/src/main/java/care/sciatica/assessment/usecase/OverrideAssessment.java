package care.sciatica.assessment.usecase;

import care.sciatica.assessment.api.AssessmentView;
import care.sciatica.assessment.api.AssessmentViews;
import care.sciatica.assessment.api.OverrideRequest;
import care.sciatica.assessment.domain.ApplyOverride;
import care.sciatica.assessment.domain.Assessment;
import care.sciatica.assessment.domain.LeadOverride;
import care.sciatica.assessment.domain.OverrideRefusedException;
import care.sciatica.assessment.domain.rules.CaseFacts;
import care.sciatica.assessment.domain.rules.RuleSet;
import care.sciatica.assessment.persistence.AssessmentRecord;
import care.sciatica.assessment.persistence.OverrideRecord;
import care.sciatica.assessment.usecase.PublishAssessment.CaseSubject;
import care.sciatica.platform.audit.AuditLog;
import care.sciatica.platform.idempotency.IdempotentRequests;
import care.sciatica.platform.problem.ProblemException;
import care.sciatica.platform.security.SiteScope;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A clinical lead overrides the origin, the suitability or one step of a case's current plan: the case's facts are
 * re-assessed with every override so far plus this one, giving a new plan version that supersedes the current one.
 * The plan, its event (without the lead's words), the stored override and the audit entry (with them) commit together.
 */
@ApplicationScoped
public class OverrideAssessment {

    static final String REFUSED = "override-refused";

    private final RuleSet rules;
    private final PublishAssessment publishAssessment;
    private final AuditLog auditLog;
    private final SiteScope siteScope;
    private final IdempotentRequests idempotentRequests;

    public OverrideAssessment(RuleSet rules, PublishAssessment publishAssessment, AuditLog auditLog,
                              SiteScope siteScope, IdempotentRequests idempotentRequests) {
        this.rules = rules;
        this.publishAssessment = publishAssessment;
        this.auditLog = auditLog;
        this.siteScope = siteScope;
        this.idempotentRequests = idempotentRequests;
    }

    @WithTransaction
    public Uni<AssessmentView> override(UUID caseId, OverrideRequest request, String idempotencyKey) {
        LeadOverride override = OverrideInput.read(request);
        String lead = siteScope.caller();
        return idempotentRequests.once("overrides:" + lead + ":" + caseId, idempotencyKey, request,
                AssessmentView.class, () -> AssessmentRecord.currentForUpdate(caseId)
                        .map(found -> siteScope.visible(found, row -> row.siteId, "assessment for case", caseId))
                        .chain(current -> OverrideRecord.ofCase(caseId)
                                .chain(earlier -> apply(current, earlier, override, lead))));
    }

    private Uni<AssessmentView> apply(AssessmentRecord current, List<OverrideRecord> earlier, LeadOverride override,
                                      String lead) {
        if (!PublishAssessment.PLAN.equals(current.disposition)) {
            throw ProblemException.conflict(REFUSED, "The case's current assessment is a referral: an override cannot"
                    + " turn it into a plan. A red flag recorded wrongly is corrected by amending the history.");
        }
        if (current.history == null) {
            throw ProblemException.conflict("facts-not-kept", "This assessment predates stored findings and cannot"
                    + " be re-assessed; amend the history to assess it again, then override.");
        }
        CaseFacts facts = new CaseFacts(HistoryInput.stored(current.history), current.ageYears, current.assessedOn,
                HistoryInput.storedChange(current.neurologicalChange));
        Assessment overridden;
        try {
            Assessment replayed = ApplyOverride.replay(facts, rules, LeadOverrides.toDomain(earlier));
            overridden = ApplyOverride.apply(replayed, override, facts, rules);
        } catch (OverrideRefusedException e) {
            throw ProblemException.conflict(REFUSED, e.getMessage());
        }
        CaseSubject subject = new CaseSubject(current.caseId, current.siteId, current.patientRef,
                current.historyVersion, current.visit);
        return publishAssessment.publish(subject, facts, overridden, current, lead)
                .chain(row -> record(row, earlier, override, lead));
    }

    private Uni<AssessmentView> record(AssessmentRecord row, List<OverrideRecord> earlier, LeadOverride override,
                                       String lead) {
        OverrideRecord stored = LeadOverrides.toRecord(override, row.caseId, row.siteId, earlier.size() + 1, lead,
                row.assessedAt, row.id);
        List<OverrideRecord> all = new ArrayList<>(earlier);
        all.add(stored);
        // The audit entry keeps the lead's reason: the event only says that a lead decided.
        String detail = LeadOverrides.describe(override) + "; " + PublishAssessment.auditDetail(row)
                + "; reason: " + override.reason();
        return stored.persist()
                .chain(() -> auditLog.record(lead, "assessment.overridden", row.siteId, row.caseId, row.id.toString(),
                        detail))
                .map(ignored -> AssessmentViews.view(row, all));
    }
}
