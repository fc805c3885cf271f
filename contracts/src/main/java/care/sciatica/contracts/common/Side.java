package care.sciatica.contracts.common;

/** Which side of the body a finding or procedure concerns. */
public enum Side {
    LEFT, RIGHT, BOTH
}
