package care.sciatica.intake.usecase;

import care.sciatica.intake.api.PatientDetails;
import care.sciatica.intake.api.PatientRegistered;
import care.sciatica.intake.api.RegisterPatientRequest;
import care.sciatica.intake.domain.ClinicalDates;
import care.sciatica.intake.domain.PatientRefs;
import care.sciatica.intake.persistence.Patient;
import care.sciatica.platform.audit.AuditLog;
import care.sciatica.platform.idempotency.IdempotentRequests;
import care.sciatica.platform.security.SiteScope;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/** Registers a patient at one of the caller's sites and gives them their opaque reference. */
@ApplicationScoped
public class RegisterPatient {

    private final SiteScope siteScope;
    private final IdempotentRequests idempotentRequests;
    private final AuditLog auditLog;
    private final ClinicClock clock;

    public RegisterPatient(SiteScope siteScope, IdempotentRequests idempotentRequests, AuditLog auditLog,
                           ClinicClock clock) {
        this.siteScope = siteScope;
        this.idempotentRequests = idempotentRequests;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<PatientRegistered> register(RegisterPatientRequest request, String idempotencyKey) {
        siteScope.requireMember(request.siteId());
        return idempotentRequests.once("patients:" + siteScope.caller(), idempotencyKey, request,
                PatientRegistered.class, () -> add(request.siteId(), request.patient())
                        .map(patient -> new PatientRegistered(patient.patientRef, patient.registeredSiteId,
                                patient.registeredAt)));
    }

    /** Stores a new patient inside the caller's transaction. */
    Uni<Patient> add(String siteId, PatientDetails details) {
        Refusals.throwAny("patient.", ClinicalDates.ofBirth("birthDate", details.birthDate(), clock.today()));
        Instant now = clock.now();
        Patient patient = new Patient();
        patient.id = UUID.randomUUID();
        patient.patientRef = PatientRefs.next();
        patient.givenName = details.givenName();
        patient.familyName = details.familyName();
        patient.birthDate = details.birthDate();
        patient.phone = details.phone();
        patient.email = details.email();
        patient.registeredSiteId = siteId;
        patient.registeredAt = now;
        return patient.persist()
                .call(() -> auditLog.record(siteScope.caller(), "patient.registered", siteId, null,
                        patient.patientRef, null))
                .replaceWith(patient);
    }
}
