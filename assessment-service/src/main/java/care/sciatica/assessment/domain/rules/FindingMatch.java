package care.sciatica.assessment.domain.rules;

/**
 * A finding that is present in a case: the history field it comes from (a dotted path such as
 * {@code conditions.raynauds}) and a short detail for the explanation, e.g. "2/5" or "2026-01-10".
 */
public record FindingMatch(String path, String detail) {
}
