package care.sciatica.intake.usecase;

import care.sciatica.contracts.intake.History;
import care.sciatica.contracts.intake.HistoryRecorded;
import care.sciatica.intake.api.HistoryRequest;
import care.sciatica.intake.api.HistoryVersionRecorded;
import care.sciatica.intake.domain.Ages;
import care.sciatica.intake.domain.CaseStatus;
import care.sciatica.intake.persistence.CareCase;
import care.sciatica.intake.persistence.HistoryVersion;
import care.sciatica.intake.persistence.Patient;
import care.sciatica.platform.audit.AuditLog;
import care.sciatica.platform.idempotency.IdempotentRequests;
import care.sciatica.platform.outbox.Outbox;
import care.sciatica.platform.problem.ProblemException;
import care.sciatica.platform.security.SiteScope;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Records the first history of a case (version 1) and announces it with a history-recorded event. */
@ApplicationScoped
public class RecordHistory {

    private final SiteScope siteScope;
    private final Visible visible;
    private final Outbox outbox;
    private final IdempotentRequests idempotentRequests;
    private final AuditLog auditLog;
    private final ClinicClock clock;

    public RecordHistory(SiteScope siteScope, Visible visible, Outbox outbox, IdempotentRequests idempotentRequests,
                         AuditLog auditLog, ClinicClock clock) {
        this.siteScope = siteScope;
        this.visible = visible;
        this.outbox = outbox;
        this.idempotentRequests = idempotentRequests;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<HistoryVersionRecorded> record(UUID caseId, HistoryRequest request, String idempotencyKey) {
        History history = HistoryForms.read(request.history());
        return idempotentRequests.once("cases:" + caseId + ":history:" + siteScope.caller(), idempotencyKey,
                request, HistoryVersionRecorded.class, () -> visible.careCaseForWrite(caseId)
                        .chain(careCase -> Patient.<Patient>findById(careCase.patientId)
                                .chain(patient -> recordFirst(careCase, patient, history))));
    }

    /** Stores version 1 and stages its event inside the caller's transaction. */
    Uni<HistoryVersionRecorded> recordFirst(CareCase careCase, Patient patient, History history) {
        if (!CaseStatus.OPEN.name().equals(careCase.status)) {
            throw ProblemException.conflict("history-already-recorded", "Case " + careCase.id
                    + " already has a history; change it with an amendment (POST /cases/" + careCase.id
                    + "/history/amendments)");
        }
        if (patient.erased()) {
            throw ProblemException.conflict("patient-erased", "Patient " + patient.patientRef
                    + " had their identity erased; their age is unknown, so no first history can be recorded");
        }
        LocalDate today = clock.today();
        HistoryForms.checkDates(history, patient.birthDate, today);
        Instant now = clock.now();
        int ageYears = Ages.on(today, patient.birthDate);
        HistoryVersion version = HistoryVersion.first(careCase.id, ageYears, history, siteScope.caller(), now);
        careCase.status = CaseStatus.HISTORY_RECORDED.name();
        HistoryRecorded event = new HistoryRecorded(careCase.id.toString(), careCase.siteId, patient.patientRef, now,
                version.version, careCase.refs(), ageYears, history);
        return version.persist()
                .call(() -> outbox.append(careCase.id.toString(), careCase.siteId, event))
                .call(() -> auditLog.record(siteScope.caller(), "history.recorded", careCase.siteId, careCase.id,
                        patient.patientRef, "version=1"))
                .replaceWith(() -> new HistoryVersionRecorded(careCase.id, version.version, null, null, now));
    }
}
