package care.sciatica.intake.api;

import care.sciatica.intake.domain.CaseStatus;

import java.time.LocalDate;

/** Which of a site's cases to list or count: a status, and the days they were opened (both inclusive); null is any. */
public record CaseFilter(CaseStatus status, LocalDate openedFrom, LocalDate openedTo) {
}
