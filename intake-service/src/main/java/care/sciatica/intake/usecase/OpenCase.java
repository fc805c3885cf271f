package care.sciatica.intake.usecase;

import care.sciatica.contracts.common.ExternalRef;
import care.sciatica.intake.api.CaseSummary;
import care.sciatica.intake.api.ExternalRefForm;
import care.sciatica.intake.api.OpenCaseRequest;
import care.sciatica.intake.domain.CaseStatus;
import care.sciatica.intake.persistence.CareCase;
import care.sciatica.intake.persistence.Patient;
import care.sciatica.platform.audit.AuditLog;
import care.sciatica.platform.idempotency.IdempotentRequests;
import care.sciatica.platform.problem.ProblemException;
import care.sciatica.platform.security.SiteScope;
import care.sciatica.platform.observability.AfterCommit;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** Opens an episode of care for a registered patient at one of the caller's sites. */
@ApplicationScoped
public class OpenCase {

    private final SiteScope siteScope;
    private final Visible visible;
    private final IdempotentRequests idempotentRequests;
    private final AuditLog auditLog;
    private final ClinicClock clock;
    private final MeterRegistry registry;

    public OpenCase(SiteScope siteScope, Visible visible, IdempotentRequests idempotentRequests, AuditLog auditLog,
                    ClinicClock clock, MeterRegistry registry) {
        this.siteScope = siteScope;
        this.visible = visible;
        this.idempotentRequests = idempotentRequests;
        this.auditLog = auditLog;
        this.clock = clock;
        this.registry = registry;
    }

    @WithTransaction
    public Uni<CaseSummary> open(OpenCaseRequest request, String idempotencyKey) {
        siteScope.requireMember(request.siteId());
        return idempotentRequests.once("cases:" + siteScope.caller(), idempotencyKey, request, CaseSummary.class,
                () -> visible.patient(request.patientRef())
                        .chain(patient -> add(patient, request.siteId(), refs(request.externalRefs()))
                                .map(careCase -> Views.summary(careCase, patient.patientRef))));
    }

    /** Stores a new case, waiting for its history, inside the caller's transaction. */
    Uni<CareCase> add(Patient patient, String siteId, List<ExternalRef> externalRefs) {
        if (patient.erased()) {
            throw ProblemException.conflict("patient-erased", "Patient " + patient.patientRef
                    + " had their identity erased; a new case needs a new registration");
        }
        CareCase careCase = new CareCase();
        careCase.id = UUID.randomUUID();
        careCase.patientId = patient.id;
        careCase.siteId = siteId;
        careCase.status = CaseStatus.OPEN.name();
        careCase.refs(externalRefs);
        careCase.openedAt = clock.now();
        return careCase.persist()
                .call(() -> auditLog.record(siteScope.caller(), "case.opened", siteId, careCase.id,
                        patient.patientRef, null))
                .invoke(() -> AfterCommit.run(() -> registry.counter("sciatica.cases.opened", "site", siteId)
                        .increment()))
                .replaceWith(careCase);
    }

    /** The booking references as the events carry them, each once. */
    static List<ExternalRef> refs(List<ExternalRefForm> forms) {
        return forms == null ? List.of() : forms.stream().map(ExternalRefForm::toRef).distinct().toList();
    }
}
