package care.sciatica.assessment.usecase;

import care.sciatica.assessment.api.AssessmentPage;
import care.sciatica.assessment.api.AssessmentView;
import care.sciatica.assessment.api.AssessmentViews;
import care.sciatica.assessment.persistence.AssessmentRecord;
import care.sciatica.assessment.persistence.OverrideRecord;
import care.sciatica.platform.problem.Problem;
import care.sciatica.platform.problem.ProblemException;
import care.sciatica.platform.security.SiteScope;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Reads assessments at the caller's sites: a case's current one with its reasoning, or a site's list by status. */
@ApplicationScoped
public class ReadAssessments {

    static final int MAX_PAGE_SIZE = 100;
    private static final List<String> STATUSES = List.of(AssessmentRecord.CURRENT, AssessmentRecord.SUPERSEDED);
    private static final List<String> DISPOSITIONS = List.of(PublishAssessment.PLAN, PublishAssessment.REFERRAL);

    private final SiteScope siteScope;

    public ReadAssessments(SiteScope siteScope) {
        this.siteScope = siteScope;
    }

    @WithSession
    public Uni<AssessmentView> current(UUID caseId) {
        return AssessmentRecord.current(caseId)
                .map(found -> siteScope.visible(found, row -> row.siteId, "assessment for case", caseId))
                .chain(row -> OverrideRecord.ofCase(caseId).map(overrides -> AssessmentViews.view(row, overrides)));
    }

    /** A page of the caller's sites' assessments (or the one site asked for, if it is the caller's), newest first. */
    @WithSession
    public Uni<AssessmentPage> list(String siteId, String status, String disposition, int page, int size) {
        List<Problem.FieldProblem> problems = new ArrayList<>();
        check(problems, "status", status, STATUSES);
        check(problems, "disposition", disposition, DISPOSITIONS);
        if (page < 0) {
            problems.add(new Problem.FieldProblem("page", "must be 0 or more"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            problems.add(new Problem.FieldProblem("size", "must be 1 to " + MAX_PAGE_SIZE));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        Set<String> sites = siteScope.listable(siteId);
        if (sites.isEmpty()) {
            return Uni.createFrom().item(new AssessmentPage(List.of(), page, size, 0));
        }
        return AssessmentRecord.countListed(sites, status, disposition)
                .chain(total -> AssessmentRecord.page(sites, status, disposition, page, size)
                        .map(rows -> new AssessmentPage(rows.stream().map(AssessmentViews::summary).toList(),
                                page, size, total)));
    }

    private static void check(List<Problem.FieldProblem> problems, String field, String value, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            problems.add(new Problem.FieldProblem(field, "unknown value '" + value + "'; allowed: "
                    + String.join(", ", allowed)));
        }
    }
}
