package care.sciatica.followup.domain.episode;

import care.sciatica.contracts.common.OutcomeScores;

/**
 * How one visit's scores compare with the baseline: the improvement of each measure (baseline minus now; null where
 * either visit did not record it), whether it reached the minimal important change, and whether any is worse.
 */
public record ScoreChange(
        int painNrs,
        Integer odi,
        Integer rmdq,
        boolean painNrsReachedMic,
        boolean odiReachedMic,
        boolean rmdqReachedMic
) {

    /** The change from {@code baseline} to {@code now} under the policy's minimal important change. */
    public static ScoreChange between(OutcomeScores baseline, OutcomeScores now,
                                      EpisodePolicy.MinimalImportantChange mic) {
        boolean odiBoth = baseline.odi() != null && now.odi() != null;
        boolean rmdqBoth = baseline.rmdq() != null && now.rmdq() != null;
        return new ScoreChange(
                baseline.painNrs() - now.painNrs(),
                odiBoth ? baseline.odi() - now.odi() : null,
                rmdqBoth ? baseline.rmdq() - now.rmdq() : null,
                mic.reached(baseline.painNrs(), now.painNrs(), mic.painNrsPoints()),
                odiBoth && mic.reached(baseline.odi(), now.odi(), mic.odiPoints()),
                rmdqBoth && mic.reached(baseline.rmdq(), now.rmdq(), mic.rmdqPoints()));
    }

    /** Pain or function improved by at least the minimal important change. */
    public boolean micReached() {
        return painNrsReachedMic || odiReachedMic || rmdqReachedMic;
    }

    /** Any measure scores higher (worse) than at baseline. */
    public boolean worseThanBaseline() {
        return painNrs < 0 || (odi != null && odi < 0) || (rmdq != null && rmdq < 0);
    }
}
