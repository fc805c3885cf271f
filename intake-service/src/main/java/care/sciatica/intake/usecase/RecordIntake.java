package care.sciatica.intake.usecase;

import care.sciatica.contracts.intake.History;
import care.sciatica.intake.api.IntakeRecorded;
import care.sciatica.intake.api.IntakeRequest;
import care.sciatica.platform.idempotency.IdempotentRequests;
import care.sciatica.platform.security.SiteScope;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Records a first visit in one transaction, as a booking system sends it: registers the patient, opens a case at the
 * site and records history version 1 with its event.
 */
@ApplicationScoped
public class RecordIntake {

    private final SiteScope siteScope;
    private final IdempotentRequests idempotentRequests;
    private final RegisterPatient registerPatient;
    private final OpenCase openCase;
    private final RecordHistory recordHistory;

    public RecordIntake(SiteScope siteScope, IdempotentRequests idempotentRequests, RegisterPatient registerPatient,
                        OpenCase openCase, RecordHistory recordHistory) {
        this.siteScope = siteScope;
        this.idempotentRequests = idempotentRequests;
        this.registerPatient = registerPatient;
        this.openCase = openCase;
        this.recordHistory = recordHistory;
    }

    @WithTransaction
    public Uni<IntakeRecorded> record(IntakeRequest request, String idempotencyKey) {
        siteScope.requireMember(request.siteId());
        History history = HistoryForms.read(request.history());
        return idempotentRequests.once("intakes:" + siteScope.caller(), idempotencyKey, request,
                IntakeRecorded.class, () -> registerPatient.add(request.siteId(), request.patient())
                        .chain(patient -> openCase.add(patient, request.siteId(), OpenCase.refs(request.externalRefs()))
                                .chain(careCase -> recordHistory.recordFirst(careCase, patient, history)
                                        .map(recorded -> new IntakeRecorded(patient.patientRef, careCase.id,
                                                careCase.siteId, recorded.historyVersion())))));
    }
}
