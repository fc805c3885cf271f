package care.sciatica.followup.domain.followup;

/** How many days after a session the next visit may be, at the earliest and at the latest (both inclusive). */
public record VisitInterval(int earliestDays, int latestDays) {

    public VisitInterval {
        if (earliestDays < 1 || latestDays < earliestDays) {
            throw new IllegalArgumentException("A visit interval needs 1 <= earliestDays <= latestDays, got "
                    + earliestDays + ".." + latestDays);
        }
    }
}
