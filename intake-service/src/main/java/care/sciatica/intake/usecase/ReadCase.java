package care.sciatica.intake.usecase;

import care.sciatica.intake.api.CaseView;
import care.sciatica.intake.persistence.FollowUpVisit;
import care.sciatica.intake.persistence.HistoryVersion;
import care.sciatica.intake.persistence.Patient;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** Reads a case of one of the caller's sites, with every history version and every follow-up visit. */
@ApplicationScoped
public class ReadCase {

    private final Visible visible;

    public ReadCase(Visible visible) {
        this.visible = visible;
    }

    @WithSession
    public Uni<CaseView> read(UUID caseId) {
        return visible.careCase(caseId)
                .chain(careCase -> Patient.<Patient>findById(careCase.patientId)
                        .chain(patient -> HistoryVersion.ofCases(List.of(caseId))
                                .chain(versions -> FollowUpVisit.ofCase(caseId)
                                        .map(visits -> Views.caseView(careCase, patient.patientRef, versions,
                                                visits)))));
    }
}
