package care.sciatica.contracts.intake;

/** The five Laslett sacroiliac provocation tests. */
public record Laslett(
        TestResult distraction,
        TestResult thighThrust,
        TestResult compression,
        TestResult sacralThrust,
        TestResult gaenslen
) {
}
