package care.sciatica.contracts.intake;

/** Changes in the neurological signs since the previous visit: power, sensation and reflexes. */
public record NeurologicalChange(
        SignChange power,
        SignChange sensation,
        SignChange reflexes
) {

    /** Whether any sign is worse than at the previous visit. */
    public boolean anyWorse() {
        return power == SignChange.WORSE || sensation == SignChange.WORSE || reflexes == SignChange.WORSE;
    }
}
