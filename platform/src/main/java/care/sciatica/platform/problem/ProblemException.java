package care.sciatica.platform.problem;

import java.util.List;

/** A refusal that maps to a problem details answer; nothing has been written when it is thrown. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.FieldProblem> errors;
    private final String retryAfter;

    public ProblemException(int status, String slug, String title, String detail, List<Problem.FieldProblem> errors) {
        this(status, slug, title, detail, errors, null);
    }

    /** @param retryAfter seconds for a Retry-After header (a 409 "in progress", a 429), or null for none */
    public ProblemException(int status, String slug, String title, String detail, List<Problem.FieldProblem> errors,
                            String retryAfter) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.retryAfter = retryAfter;
    }

    public String retryAfter() {
        return retryAfter;
    }

    /** The named record does not exist, or belongs to a site the caller may not see. */
    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", "Not found", "No " + what + " with id " + TextChecks.excerpt(id, 64), List.of());
    }

    /** The request is well-formed but clashes with the current state. */
    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(409, slug, "Conflict", detail, List.of());
    }

    /** One or more fields are invalid. */
    public static ProblemException invalid(List<Problem.FieldProblem> errors) {
        return new ProblemException(400, "validation", "The request is not valid", errors.size() == 1
                ? errors.getFirst().field() + ": " + errors.getFirst().reason()
                : errors.size() + " fields are not valid", errors);
    }

    /** One field is invalid. */
    public static ProblemException invalid(String field, String reason) {
        return invalid(List.of(new Problem.FieldProblem(field, reason)));
    }

    /** The caller may not act for this site. */
    public static ProblemException forbiddenSite(String siteId) {
        return new ProblemException(403, "forbidden-site", "Forbidden",
                "You may not act for site " + TextChecks.excerpt(siteId, 64), List.of());
    }

    public Problem toProblem() {
        return new Problem(ProblemTypes.uri(slug), title, status, getMessage(), errors);
    }
}
