package care.sciatica.intake.usecase;

import care.sciatica.intake.api.CaseSummary;
import care.sciatica.intake.api.CaseView;
import care.sciatica.intake.api.PatientIdentity;
import care.sciatica.intake.persistence.CareCase;
import care.sciatica.intake.persistence.FollowUpVisit;
import care.sciatica.intake.persistence.HistoryVersion;
import care.sciatica.intake.persistence.Patient;

import java.util.List;

/** Maps the stored records to what the API answers; an entity never goes on the wire itself. */
final class Views {

    private Views() {
    }

    static CaseSummary summary(CareCase careCase, String patientRef) {
        return new CaseSummary(careCase.id, careCase.siteId, patientRef, careCase.status, careCase.openedAt,
                careCase.refs());
    }

    /**
     * The case with its versions and visits, oldest first; {@code versions} and {@code visits} may hold other cases'
     * too.
     */
    static CaseView caseView(CareCase careCase, String patientRef, List<HistoryVersion> versions,
                             List<FollowUpVisit> visits) {
        return new CaseView(careCase.id, careCase.siteId, patientRef, careCase.status, careCase.openedAt,
                careCase.refs(), versions.stream()
                .filter(version -> version.caseId.equals(careCase.id))
                .map(Views::version)
                .toList(), visits.stream()
                .filter(visit -> visit.caseId.equals(careCase.id))
                .map(visit -> new CaseView.VisitView(visit.number, visit.startedAt, visit.appointmentId,
                        visit.reviewedHistoryVersion))
                .toList());
    }

    static PatientIdentity identity(Patient patient) {
        return new PatientIdentity(patient.patientRef, patient.givenName, patient.familyName, patient.birthDate,
                patient.phone, patient.email, patient.registeredSiteId, patient.registeredAt, patient.erasedAt);
    }

    private static CaseView.HistoryVersionView version(HistoryVersion version) {
        return new CaseView.HistoryVersionView(version.version, version.version > 1 ? version.version - 1 : null,
                version.kind, version.amendmentReason, version.visit, version.ageYears, version.recordedAt,
                version.contentJson());
    }
}
