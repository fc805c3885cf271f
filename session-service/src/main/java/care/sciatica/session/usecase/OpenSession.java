package care.sciatica.session.usecase;

import care.sciatica.platform.audit.AuditLog;
import care.sciatica.platform.observability.CaseContext;
import care.sciatica.platform.idempotency.IdempotentRequests;
import care.sciatica.platform.problem.ProblemException;
import care.sciatica.platform.security.CallerSites;
import care.sciatica.platform.security.SiteScope;
import care.sciatica.session.domain.SessionIdentity;
import care.sciatica.session.domain.SessionSnapshot;
import care.sciatica.session.domain.TreatmentPlan;
import care.sciatica.session.domain.TreatmentSession;
import care.sciatica.session.persistence.PlanReady;
import care.sciatica.session.persistence.SessionRow;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * Opens a session for a case's latest plan, for the visit the plan is for, with the caller as the therapist. The plan is frozen into the session, so
 * a later plan version applies only to sessions opened after it arrived.
 */
@ApplicationScoped
public class OpenSession {

    private final SiteScope siteScope;
    private final CallerSites callerSites;
    private final IdempotentRequests idempotentRequests;
    private final SessionJournal journal;
    private final AuditLog auditLog;
    private final SessionMetrics metrics;
    private final CaseContext caseContext;

    public OpenSession(SiteScope siteScope, CallerSites callerSites, IdempotentRequests idempotentRequests,
                       SessionJournal journal, AuditLog auditLog, SessionMetrics metrics, CaseContext caseContext) {
        this.metrics = metrics;
        this.caseContext = caseContext;
        this.siteScope = siteScope;
        this.callerSites = callerSites;
        this.idempotentRequests = idempotentRequests;
        this.journal = journal;
        this.auditLog = auditLog;
    }

    @WithTransaction
    public Uni<SessionSnapshot> open(UUID caseId, String idempotencyKey) {
        return idempotentRequests.once("sessions:" + siteScope.caller(), idempotencyKey, caseId, SessionSnapshot.class,
                () -> PlanReady.<PlanReady>findById(caseId)
                        .map(found -> siteScope.visible(found, ready -> ready.siteId, "plan for case", caseId))
                        .chain(this::openFor));
    }

    private Uni<SessionSnapshot> openFor(PlanReady ready) {
        if (PlanReady.REFERRED.equals(ready.status)) {
            throw ProblemException.conflict("case-referred",
                    "Case " + ready.caseId + " was referred out; no session may be opened for it");
        }
        Instant now = Instant.now();
        SessionIdentity identity = new SessionIdentity(UUID.randomUUID().toString(), ready.caseId.toString(),
                ready.siteId, ready.patientRef, callerSites.staffRef());
        TreatmentSession session = TreatmentSession.open(identity, TreatmentPlan.from(ReceivePlan.read(ready.plan)), now);
        SessionSnapshot snapshot = session.snapshot();

        SessionRow row = new SessionRow();
        row.id = UUID.fromString(identity.sessionId());
        row.caseId = ready.caseId;
        row.siteId = ready.siteId;
        row.patientRef = ready.patientRef;
        row.therapistRef = identity.therapistRef();
        row.planVersion = ready.planVersion;
        row.visit = snapshot.plan().visit();
        row.state = snapshot.state().name();
        row.snapshot = RunSession.write(snapshot);
        row.openedAt = now;
        row.flowStart = ready.flowStart;
        row.caseTraceparent = ready.caseTraceparent;
        metrics.opened(row.siteId, ready.receivedAt, now);
        row.updatedAt = now;
        ready.status = PlanReady.IN_SESSION;
        String caller = siteScope.caller();
        return caseContext.continuing("session open", row.caseTraceparent, row.caseId, () -> row.persist()
                .chain(ready::persist)
                .chain(() -> journal.opened(row.id, caller,
                        new SessionJournal.Opened(ready.planVersion, snapshot.plan().primaryOrigin(), now)))
                .chain(() -> auditLog.record(caller, "session.open", row.siteId, row.caseId, row.id.toString(),
                        "planVersion=" + row.planVersion + " visit=" + row.visit + " origin=" + snapshot.plan().primaryOrigin()))
                .replaceWith(snapshot));
    }
}
