package care.sciatica.intake.usecase;

import care.sciatica.intake.api.Erasure;
import care.sciatica.intake.api.PatientExport;
import care.sciatica.intake.api.PatientView;
import care.sciatica.intake.persistence.CareCase;
import care.sciatica.intake.persistence.FollowUpVisit;
import care.sciatica.intake.persistence.HistoryVersion;
import care.sciatica.intake.persistence.Patient;
import care.sciatica.platform.audit.AuditLog;
import care.sciatica.platform.idempotency.IdempotentRequests;
import care.sciatica.platform.security.SiteScope;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A patient's record as a person: read it, export everything held about them (a subject access request), and erase
 * their identity (a right-to-erasure request). Erasure keeps the clinical record under the pseudonymous patientRef;
 * events never carried identity, so nothing downstream changes and no event is sent.
 */
@ApplicationScoped
public class PatientRecords {

    private final SiteScope siteScope;
    private final Visible visible;
    private final IdempotentRequests idempotentRequests;
    private final AuditLog auditLog;
    private final ClinicClock clock;

    public PatientRecords(SiteScope siteScope, Visible visible, IdempotentRequests idempotentRequests,
                          AuditLog auditLog, ClinicClock clock) {
        this.siteScope = siteScope;
        this.visible = visible;
        this.idempotentRequests = idempotentRequests;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @WithSession
    public Uni<PatientView> read(String patientRef) {
        return visible.patient(patientRef)
                .chain(patient -> CareCase.ofPatient(patient.id, visible.sites())
                        .map(cases -> new PatientView(Views.identity(patient), cases.stream()
                                .map(careCase -> Views.summary(careCase, patient.patientRef))
                                .toList())));
    }

    /** Everything held at the caller's sites; the export itself is audited at each site it drew from. */
    @WithTransaction
    public Uni<PatientExport> export(String patientRef) {
        return visible.patient(patientRef)
                .chain(patient -> CareCase.ofPatient(patient.id, visible.sites())
                        .chain(cases -> HistoryVersion.ofCases(cases.stream().map(c -> c.id).toList())
                                .chain(versions -> FollowUpVisit.ofCases(cases.stream().map(c -> c.id).toList())
                                        .call(() -> audit(sitesOf(patient, cases), "patient.exported", patient))
                                        .map(visits -> new PatientExport(clock.now(), Views.identity(patient),
                                                cases.stream()
                                                        .map(careCase -> Views.caseView(careCase, patient.patientRef,
                                                                versions, visits))
                                                        .toList())))));
    }

    /** Erases the identity once; a repeat answers with the first erasure and changes nothing. */
    @WithTransaction
    public Uni<Erasure> erase(String patientRef, String idempotencyKey) {
        return idempotentRequests.once("patients:" + patientRef + ":erasure:" + siteScope.caller(), idempotencyKey,
                null, Erasure.class, () -> visible.patient(patientRef)
                        .chain(patient -> CareCase.<CareCase>list("patientId", patient.id)
                                .chain(cases -> erase(patient, cases))));
    }

    private Uni<Erasure> erase(Patient patient, List<CareCase> cases) {
        if (patient.erased()) {
            return Uni.createFrom().item(new Erasure(patient.patientRef, patient.erasedAt, cases.size()));
        }
        patient.eraseIdentity(clock.now());
        // Every site that holds the patient's record learns of the erasure from its own audit trail.
        return audit(sitesOf(patient, cases), "patient.erased", patient)
                .replaceWith(new Erasure(patient.patientRef, patient.erasedAt, cases.size()));
    }

    /** The site that registered the patient and every site of {@code cases}. */
    private static Set<String> sitesOf(Patient patient, List<CareCase> cases) {
        Set<String> sites = new LinkedHashSet<>();
        sites.add(patient.registeredSiteId);
        cases.forEach(careCase -> sites.add(careCase.siteId));
        return sites;
    }

    private Uni<Void> audit(Set<String> sites, String action, Patient patient) {
        return Multi.createFrom().iterable(sites)
                .onItem().transformToUniAndConcatenate(site -> auditLog.record(siteScope.caller(), action, site,
                        null, patient.patientRef, null))
                .collect().last()
                .replaceWithVoid();
    }
}
