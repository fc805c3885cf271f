package care.sciatica.session.domain;

/** Who and where a session is for: its own id, the case and site, the patient's opaque reference and the therapist. */
public record SessionIdentity(String sessionId, String caseId, String siteId, String patientRef, String therapistRef) {
}
