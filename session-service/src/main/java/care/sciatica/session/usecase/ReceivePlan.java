package care.sciatica.session.usecase;

import care.sciatica.contracts.assessment.PlanIssued;
import care.sciatica.contracts.assessment.ReferralRequired;
import care.sciatica.session.persistence.PlanReady;
import care.sciatica.platform.observability.FlowStart;
import care.sciatica.platform.observability.TraceContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * Keeps the worklist: a plan makes its case ready for a session (a later plan version replaces an earlier one for
 * sessions opened after it); a referral takes the case off the list. Runs inside the inbox's transaction.
 */
@ApplicationScoped
public class ReceivePlan {

    public Uni<Void> planIssued(PlanIssued plan, String planJson) {
        UUID caseId = UUID.fromString(plan.caseId());
        return PlanReady.<PlanReady>findById(caseId).chain(existing -> {
            if (existing != null && existing.planVersion >= plan.planVersion()) {
                return Uni.createFrom().voidItem();
            }
            PlanReady ready = existing != null ? existing : new PlanReady();
            ready.caseId = caseId;
            ready.siteId = plan.siteId();
            ready.patientRef = plan.patientRef();
            ready.planVersion = plan.planVersion();
            ready.primaryOrigin = plan.origin().primary().name();
            ready.plan = planJson;
            ready.status = PlanReady.AWAITING_SESSION;
            ready.receivedAt = Instant.now();
            ready.flowStart = FlowStart.current().orElse(null);
            ready.caseTraceparent = TraceContext.currentTraceparent();
            return ready.persist().replaceWithVoid();
        });
    }

    public Uni<Void> referred(ReferralRequired referral) {
        return PlanReady.<PlanReady>findById(UUID.fromString(referral.caseId())).chain(existing -> {
            if (existing == null) {
                return Uni.createFrom().voidItem();
            }
            existing.status = PlanReady.REFERRED;
            return existing.persist().replaceWithVoid();
        });
    }
}
