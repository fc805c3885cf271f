package care.sciatica.intake.usecase;

import care.sciatica.contracts.EventJson;
import care.sciatica.intake.api.CaseView;
import care.sciatica.intake.persistence.CareCase;
import care.sciatica.intake.persistence.HistoryVersion;
import care.sciatica.intake.persistence.Patient;
import care.sciatica.platform.security.SiteScope;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

/** Reads a case of one of the caller's sites, with every history version. */
@ApplicationScoped
public class ReadCase {

    private final SiteScope siteScope;

    public ReadCase(SiteScope siteScope) {
        this.siteScope = siteScope;
    }

    @WithSession
    public Uni<CaseView> read(UUID caseId) {
        return CareCase.<CareCase>findById(caseId)
                .map(found -> siteScope.visible(found, c -> c.siteId, "case", caseId))
                .chain(careCase -> Patient.<Patient>findById(careCase.patientId)
                        .chain(patient -> HistoryVersion.<HistoryVersion>list("caseId = ?1 order by version", caseId)
                                .map(versions -> view(careCase, patient, versions))));
    }

    private static CaseView view(CareCase careCase, Patient patient, List<HistoryVersion> versions) {
        return new CaseView(careCase.id, careCase.siteId, patient.patientRef, careCase.status, careCase.openedAt,
                versions.stream().map(ReadCase::view).toList());
    }

    private static CaseView.HistoryVersionView view(HistoryVersion version) {
        try {
            return new CaseView.HistoryVersionView(version.version, version.ageYears, version.recordedAt,
                    version.amendmentReason, EventJson.mapper().readTree(version.content));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
