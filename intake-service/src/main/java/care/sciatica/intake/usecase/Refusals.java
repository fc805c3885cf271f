package care.sciatica.intake.usecase;

import care.sciatica.intake.domain.ClinicalDates;
import care.sciatica.platform.problem.Problem;
import care.sciatica.platform.problem.ProblemException;

import java.util.List;

/** Turns the domain's refusals into the API's validation problem, with the fields as the request names them. */
final class Refusals {

    private Refusals() {
    }

    /** Throws when there is any refusal; {@code prefix} is where the checked object sits in the request. */
    static void throwAny(String prefix, List<ClinicalDates.Refusal> refusals) {
        if (!refusals.isEmpty()) {
            throw ProblemException.invalid(refusals.stream()
                    .map(refusal -> new Problem.FieldProblem(prefix + refusal.field(), refusal.reason()))
                    .toList());
        }
    }
}
