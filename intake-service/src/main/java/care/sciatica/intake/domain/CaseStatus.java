package care.sciatica.intake.domain;

/** Where a case stands at intake: opened and waiting for its history, or its history recorded (and maybe amended). */
public enum CaseStatus {
    OPEN, HISTORY_RECORDED
}
