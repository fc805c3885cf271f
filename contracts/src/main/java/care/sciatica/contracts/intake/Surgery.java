package care.sciatica.contracts.intake;

/** Previous surgery that changes what may be done; absent parts mean none. */
public record Surgery(
        LumbarSurgery lumbarSpine,
        HipReplacement hipReplacement,
        KneeReplacement kneeReplacement,
        boolean otherRelevantSurgery
) {
}
