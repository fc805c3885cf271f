package care.sciatica.intake.api;

import java.time.LocalDate;
import java.util.Map;

/** How many of a site's cases stand in each status: numbers only, no clinical record and no identity. */
public record CaseCounts(String siteId, LocalDate openedFrom, LocalDate openedTo, Map<String, Long> byStatus,
                         long total) {
}
