package care.sciatica.intake.usecase;

import care.sciatica.contracts.EventJson;
import care.sciatica.contracts.EventSchemas;
import care.sciatica.contracts.common.ExternalRef;
import care.sciatica.contracts.intake.History;
import care.sciatica.contracts.intake.HistoryRecorded;
import care.sciatica.intake.api.IntakeRecorded;
import care.sciatica.intake.api.IntakeRequest;
import care.sciatica.intake.domain.Ages;
import care.sciatica.intake.domain.PatientRefs;
import care.sciatica.intake.persistence.CareCase;
import care.sciatica.intake.persistence.HistoryVersion;
import care.sciatica.intake.persistence.Patient;
import care.sciatica.platform.outbox.Outbox;
import care.sciatica.platform.problem.Problem;
import care.sciatica.platform.problem.ProblemException;
import care.sciatica.platform.security.SiteScope;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Records a first visit: the patient, a new case at the site, history version 1 and its event, in one transaction. */
@ApplicationScoped
public class RecordIntake {

    private final Outbox outbox;
    private final SiteScope siteScope;
    private final Clock clock;

    public RecordIntake(Outbox outbox, SiteScope siteScope) {
        this.outbox = outbox;
        this.siteScope = siteScope;
        this.clock = Clock.systemUTC();
    }

    @WithTransaction
    public Uni<IntakeRecorded> record(IntakeRequest request) {
        siteScope.requireMember(request.siteId());
        History history = readHistory(request.history());
        Instant now = clock.instant();
        Patient patient = newPatient(request.patient(), now);
        List<ExternalRef> externalRefs = externalRefs(request);
        CareCase careCase = newCase(patient, request.siteId(), externalRefs, now);
        int ageYears = Ages.on(LocalDate.ofInstant(now, ZoneOffset.UTC), patient.birthDate);
        HistoryVersion version = firstVersion(careCase, history, ageYears, now);
        HistoryRecorded event = new HistoryRecorded(careCase.id.toString(), careCase.siteId, patient.patientRef, now,
                version.version, externalRefs, ageYears, history);
        return patient.persist()
                .chain(careCase::persist)
                .chain(version::persist)
                .chain(() -> outbox.append(careCase.id.toString(), careCase.siteId, event))
                .replaceWith(() -> new IntakeRecorded(patient.patientRef, careCase.id, careCase.siteId, version.version));
    }

    /** Checks the history against the catalogue's own schema, so what is stored is exactly what events carry. */
    static History readHistory(JsonNode json) {
        List<Problem.FieldProblem> problems = EventSchemas.violations(EventSchemas.HISTORY_SCHEMA_ID, json).stream()
                .map(violation -> new Problem.FieldProblem("history." + violation.path(), violation.message()))
                .toList();
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        try {
            return EventJson.mapper().treeToValue(json, History.class);
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid("history", e.getOriginalMessage());
        }
    }

    private static Patient newPatient(IntakeRequest.PatientDetails details, Instant now) {
        Patient patient = new Patient();
        patient.id = UUID.randomUUID();
        patient.patientRef = PatientRefs.next();
        patient.givenName = details.givenName();
        patient.familyName = details.familyName();
        patient.birthDate = details.birthDate();
        patient.phone = details.phone();
        patient.email = details.email();
        patient.registeredAt = now;
        return patient;
    }

    private static List<ExternalRef> externalRefs(IntakeRequest request) {
        return request.externalRefs() == null ? List.of() : request.externalRefs().stream()
                .map(ref -> new ExternalRef(ref.system(), ref.patientId(), ref.appointmentId()))
                .toList();
    }

    private static CareCase newCase(Patient patient, String siteId, List<ExternalRef> externalRefs, Instant now) {
        CareCase careCase = new CareCase();
        careCase.id = UUID.randomUUID();
        careCase.patientId = patient.id;
        careCase.siteId = siteId;
        careCase.status = "OPEN";
        careCase.externalRefs = new String(EventJson.toBytes(externalRefs), StandardCharsets.UTF_8);
        careCase.openedAt = now;
        return careCase;
    }

    private HistoryVersion firstVersion(CareCase careCase, History history, int ageYears, Instant now) {
        HistoryVersion version = new HistoryVersion();
        version.id = UUID.randomUUID();
        version.caseId = careCase.id;
        version.version = 1;
        version.ageYears = ageYears;
        version.content = new String(EventJson.toBytes(history), StandardCharsets.UTF_8);
        version.recordedBy = siteScope.caller();
        version.recordedAt = now;
        return version;
    }
}
