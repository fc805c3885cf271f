package care.sciatica.contracts.intake;

/** Deep tendon reflexes on the affected side. */
public record Reflexes(
        ReflexResult kneeJerkL4,
        ReflexResult ankleJerkS1
) {
}
