package care.sciatica.contracts.intake;

/** Outcome measures at baseline: pain NRS 0-10, and optionally ODI 0-100 and RMDQ 0-24. */
public record BaselineOutcomes(
        int painNrs,
        Integer odi,
        Integer rmdq
) {
}
