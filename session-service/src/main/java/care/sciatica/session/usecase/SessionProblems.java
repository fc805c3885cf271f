package care.sciatica.session.usecase;

import care.sciatica.platform.problem.Problem;
import care.sciatica.platform.problem.ProblemException;
import care.sciatica.session.domain.SessionRule;
import care.sciatica.session.domain.SessionRuleViolation;

import java.util.List;

/** Turns a refused session command into a problem answer: a wrong state is a conflict, a broken rule unprocessable. */
final class SessionProblems {

    private SessionProblems() {
    }

    static ProblemException of(SessionRuleViolation violation) {
        int status = violation.rule().kind() == SessionRule.Kind.STATE ? 409 : 422;
        String title = status == 409 ? "Not allowed in the session's current state" : "Refused by the protocol's rules";
        List<Problem.FieldProblem> errors = violation.field() == null ? List.of()
                : List.of(new Problem.FieldProblem(violation.field(), violation.detail()));
        return new ProblemException(status, "session/" + violation.code(), title,
                violation.reason() + " (session state " + violation.state() + ")", errors);
    }
}
