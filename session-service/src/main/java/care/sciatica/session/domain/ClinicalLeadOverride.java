package care.sciatica.session.domain;

/**
 * A clinical lead's decision to perform a step the plan excluded, with who decided and why. The reason stays in the
 * session's record; it never goes into an event.
 */
public record ClinicalLeadOverride(String by, String reason) {

    /** Only an override that names the clinical lead and gives a reason counts. */
    public boolean namesLeadAndReason() {
        return by != null && !by.isBlank() && reason != null && !reason.isBlank();
    }
}
