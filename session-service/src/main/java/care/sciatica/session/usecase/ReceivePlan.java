package care.sciatica.session.usecase;

import care.sciatica.contracts.EventJson;
import care.sciatica.contracts.assessment.PlanIssued;
import care.sciatica.contracts.assessment.PlanIssuedV2;
import care.sciatica.contracts.assessment.ReferralRequired;
import care.sciatica.session.persistence.PlanReady;
import care.sciatica.platform.observability.FlowStart;
import care.sciatica.platform.observability.TraceContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.UUID;

/**
 * Keeps the worklist: a plan makes its case ready for a session of the plan's visit (a later plan version replaces an
 * earlier one for sessions opened after it, and a later visit's plan opens a new session rather than touching the
 * sessions of earlier visits); a referral takes the case off the list. Runs inside the inbox's transaction.
 */
@ApplicationScoped
public class ReceivePlan {

    /** @param planJson the plan event's data as received, v1 or v2; read back by {@link #read(String)} */
    public Uni<Void> planIssued(PlanIssuedV2 plan, String planJson) {
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
            ready.visit = plan.visit();
            ready.primaryOrigin = plan.origin().primary().name();
            ready.plan = planJson;
            ready.status = PlanReady.AWAITING_SESSION;
            ready.receivedAt = Instant.now();
            ready.flowStart = FlowStart.current().orElse(null);
            ready.caseTraceparent = TraceContext.currentTraceparent();
            return ready.persist().replaceWithVoid();
        });
    }

    /**
     * A stored plan, read as tolerantly as the event was: a v2 plan as is, a v1 plan (which has no visit) as the first
     * visit's.
     */
    static PlanIssuedV2 read(String planJson) {
        try {
            JsonNode plan = EventJson.tolerant().readTree(planJson);
            return plan.has("visit") ? EventJson.tolerant().treeToValue(plan, PlanIssuedV2.class)
                    : PlanIssuedV2.from(EventJson.tolerant().treeToValue(plan, PlanIssued.class));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
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
