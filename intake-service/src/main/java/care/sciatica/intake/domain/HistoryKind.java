package care.sciatica.intake.domain;

/** What made a version of a case's history: the intake, an amendment of it, or the review at a follow-up visit. */
public enum HistoryKind {
    INTAKE, AMENDMENT, FOLLOW_UP_REVIEW
}
