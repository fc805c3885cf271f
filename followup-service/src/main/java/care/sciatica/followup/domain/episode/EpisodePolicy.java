package care.sciatica.followup.domain.episode;

import java.util.Map;
import java.util.Objects;

/**
 * When an episode of visits ends or needs a clinical lead, as data (seeds/followup/episode-policy.json): the minimal
 * important change, the discharge criteria, when a case is not moving, when a patient who stopped coming lapses, and
 * how many visits a site allows in one episode. Every rule carries its source.
 */
public record EpisodePolicy(
        String version,
        MinimalImportantChange minimalImportantChange,
        Discharge discharge,
        Stall stall,
        Lapse lapse,
        int defaultVisitCap,
        String visitCapSource,
        Map<String, Integer> visitCaps
) {

    public EpisodePolicy {
        Objects.requireNonNull(version, "version");
        visitCaps = Map.copyOf(visitCaps);
    }

    /** The most visits one episode may have at this site. */
    public int visitCap(String siteId) {
        return visitCaps.getOrDefault(siteId, defaultVisitCap);
    }

    /**
     * An improvement counts when it reaches the measure's points or {@code percentOfBaseline} % of the baseline score.
     */
    public record MinimalImportantChange(int painNrsPoints, int odiPoints, int rmdqPoints, int percentOfBaseline,
                                         String source) {

        /** Whether lowering a score from {@code baseline} to {@code now} is an important improvement. */
        boolean reached(int baseline, int now, int points) {
            int improvement = baseline - now;
            return improvement > 0 && (improvement >= points || improvement * 100 >= percentOfBaseline * baseline);
        }
    }

    /** Recovered: pain at or below {@code painNrsAtOrBelow} and the latest functional score within normal. */
    public record Discharge(int painNrsAtOrBelow, int rmdqAtOrBelow, int odiAtOrBelow, String source) {
    }

    /** Not moving: no minimal important change by this visit, or any score worse than at baseline. */
    public record Stall(int noMinimalImportantChangeByVisit, boolean worseThanBaselineAtAnyReview, String source) {
    }

    /** A patient who missed an appointment and has not rebooked within this many days has stopped coming. */
    public record Lapse(int rebookWithinDays, String source) {
    }
}
