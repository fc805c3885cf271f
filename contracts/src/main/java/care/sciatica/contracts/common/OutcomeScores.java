package care.sciatica.contracts.common;

/** Outcome measures at one visit: pain NRS 0-10, and optionally ODI 0-100 and RMDQ 0-24. */
public record OutcomeScores(
        int painNrs,
        Integer odi,
        Integer rmdq
) {
}
