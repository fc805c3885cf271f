package care.sciatica.assessment.api;

import java.util.List;

/** One page of a list, newest first, with the total count of what matched. */
public record AssessmentPage(List<AssessmentSummary> items, int page, int size, long total) {
}
