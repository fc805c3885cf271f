package care.sciatica.contracts.intake;

/** Everything intake learns about the episode: onset, pain, surgery, conditions, red flags, observation, examination. */
public record History(
        Onset onset,
        Pain pain,
        Surgery surgery,
        Conditions conditions,
        RedFlags redFlags,
        Observation observation,
        Examination examination,
        BaselineOutcomes baselineOutcomes
) {
}
