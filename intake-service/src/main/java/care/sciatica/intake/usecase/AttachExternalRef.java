package care.sciatica.intake.usecase;

import care.sciatica.contracts.common.ExternalRef;
import care.sciatica.intake.api.CaseSummary;
import care.sciatica.intake.api.ExternalRefForm;
import care.sciatica.intake.persistence.CareCase;
import care.sciatica.intake.persistence.Patient;
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
 * Attaches a booking system's patient and appointment ids to a case; every history event from then on carries them.
 * A reference the case already holds is not added twice.
 */
@ApplicationScoped
public class AttachExternalRef {

    private final SiteScope siteScope;
    private final Visible visible;
    private final IdempotentRequests idempotentRequests;
    private final AuditLog auditLog;

    public AttachExternalRef(SiteScope siteScope, Visible visible, IdempotentRequests idempotentRequests,
                             AuditLog auditLog) {
        this.siteScope = siteScope;
        this.visible = visible;
        this.idempotentRequests = idempotentRequests;
        this.auditLog = auditLog;
    }

    @WithTransaction
    public Uni<CaseSummary> attach(UUID caseId, ExternalRefForm form, String idempotencyKey) {
        return idempotentRequests.once("cases:" + caseId + ":external-refs:" + siteScope.caller(), idempotencyKey,
                form, CaseSummary.class, () -> visible.careCaseForWrite(caseId)
                        .call(careCase -> add(careCase, form.toRef()))
                        .chain(careCase -> Patient.<Patient>findById(careCase.patientId)
                                .map(patient -> Views.summary(careCase, patient.patientRef))));
    }

    private Uni<Void> add(CareCase careCase, ExternalRef ref) {
        List<ExternalRef> refs = new ArrayList<>(careCase.refs());
        if (refs.contains(ref)) {
            return Uni.createFrom().voidItem();
        }
        if (refs.size() >= ExternalRefForm.MAX_PER_CASE) {
            throw ProblemException.conflict("too-many-external-refs", "Case " + careCase.id + " already holds "
                    + ExternalRefForm.MAX_PER_CASE + " booking references, the most a case may hold");
        }
        refs.add(ref);
        careCase.refs(refs);
        return auditLog.record(siteScope.caller(), "case.external-ref-attached", careCase.siteId, careCase.id, null,
                "system=" + ref.system());
    }
}
