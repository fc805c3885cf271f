package care.sciatica.intake.usecase;

import care.sciatica.intake.persistence.CareCase;
import care.sciatica.intake.persistence.Patient;
import care.sciatica.platform.problem.ProblemException;
import care.sciatica.platform.security.SiteScope;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** Finds the records the caller may see: anything of another site answers exactly like an unknown id (404). */
@ApplicationScoped
public class Visible {

    private final SiteScope siteScope;

    public Visible(SiteScope siteScope) {
        this.siteScope = siteScope;
    }

    public Uni<CareCase> careCase(UUID caseId) {
        return CareCase.<CareCase>findById(caseId)
                .map(found -> siteScope.visible(found, c -> c.siteId, "case", caseId));
    }

    /** The case, locked until the transaction ends, so two writes to one case's history take turns. */
    public Uni<CareCase> careCaseForWrite(UUID caseId) {
        return CareCase.<CareCase>findById(caseId, LockModeType.PESSIMISTIC_WRITE)
                .map(found -> siteScope.visible(found, c -> c.siteId, "case", caseId));
    }

    public Uni<Patient> patient(String patientRef) {
        return Patient.findVisible(patientRef, sites()).map(found -> {
            if (found == null) {
                throw ProblemException.notFound("patient", patientRef);
            }
            return found;
        });
    }

    /** The site itself, when it is one of the caller's; another site is unknown (404). */
    public String site(String siteId) {
        return siteScope.visible(siteId, Function.identity(), "site", siteId);
    }

    public Set<String> sites() {
        return siteScope.listable(null);
    }
}
