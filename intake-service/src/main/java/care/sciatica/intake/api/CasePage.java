package care.sciatica.intake.api;

import java.util.List;

/** One page of a site's cases, newest first; {@code page} counts from 0. */
public record CasePage(List<CaseSummary> items, int page, int size, long totalItems, int totalPages) {
}
