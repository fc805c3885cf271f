package care.sciatica.intake.usecase;

import care.sciatica.contracts.intake.History;
import care.sciatica.contracts.intake.HistoryAmended;
import care.sciatica.intake.api.AmendmentRequest;
import care.sciatica.intake.api.HistoryVersionRecorded;
import care.sciatica.intake.domain.Ages;
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

/**
 * Amends a case's history: a complete new version that supersedes the latest one, kept beside it, and announced with
 * a history-amended event that carries the version it supersedes and why.
 */
@ApplicationScoped
public class AmendHistory {

    private final SiteScope siteScope;
    private final Visible visible;
    private final Outbox outbox;
    private final IdempotentRequests idempotentRequests;
    private final AuditLog auditLog;
    private final ClinicClock clock;

    public AmendHistory(SiteScope siteScope, Visible visible, Outbox outbox, IdempotentRequests idempotentRequests,
                        AuditLog auditLog, ClinicClock clock) {
        this.siteScope = siteScope;
        this.visible = visible;
        this.outbox = outbox;
        this.idempotentRequests = idempotentRequests;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<HistoryVersionRecorded> amend(UUID caseId, AmendmentRequest request, String idempotencyKey) {
        History history = HistoryForms.read(request.history());
        return idempotentRequests.once("cases:" + caseId + ":amendments:" + siteScope.caller(), idempotencyKey,
                request, HistoryVersionRecorded.class, () -> visible.careCaseForWrite(caseId)
                        .chain(careCase -> Patient.<Patient>findById(careCase.patientId)
                                .chain(patient -> HistoryVersion.latest(caseId)
                                        .chain(latest -> amend(careCase, patient, latest, request, history)))));
    }

    private Uni<HistoryVersionRecorded> amend(CareCase careCase, Patient patient, HistoryVersion latest,
                                              AmendmentRequest request, History history) {
        if (latest == null) {
            throw ProblemException.conflict("history-not-recorded", "Case " + careCase.id
                    + " has no history yet; record it first (POST /cases/" + careCase.id + "/history)");
        }
        if (latest.version != request.supersedesVersion()) {
            throw ProblemException.conflict("history-version-superseded", "Version " + latest.version
                    + " is the case's latest history; an amendment must supersede it, not version "
                    + request.supersedesVersion() + " (reload the case and amend the latest version)");
        }
        LocalDate today = clock.today();
        HistoryForms.checkDates(history, patient.birthDate, today);
        Instant now = clock.now();
        // After an erasure the birth date is gone; the age stays as the last version recorded it.
        int ageYears = patient.birthDate == null ? latest.ageYears : Ages.on(today, patient.birthDate);
        HistoryVersion version = HistoryVersion.amendment(careCase.id, latest.version + 1, ageYears, history,
                request.amendmentReason().name(), siteScope.caller(), now);
        HistoryAmended event = new HistoryAmended(careCase.id.toString(), careCase.siteId, patient.patientRef, now,
                version.version, latest.version, request.amendmentReason(), careCase.refs(), ageYears, history);
        return version.persist()
                .call(() -> outbox.append(careCase.id.toString(), careCase.siteId, event))
                .call(() -> auditLog.record(siteScope.caller(), "history.amended", careCase.siteId, careCase.id,
                        patient.patientRef, "version=" + version.version + " supersedes=" + latest.version
                                + " reason=" + request.amendmentReason()))
                .replaceWith(() -> new HistoryVersionRecorded(careCase.id, version.version, latest.version,
                        request.amendmentReason(), now));
    }
}
