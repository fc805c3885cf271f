package care.sciatica.contracts.assessment;

/** How likely an origin is given the findings. */
public enum Likelihood {
    HIGH, MODERATE, LOW
}
