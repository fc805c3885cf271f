package care.sciatica.contracts.common;

/** Massage or mobilisation pressure. */
public enum Pressure {
    LIGHT, MODERATE, FIRM
}
