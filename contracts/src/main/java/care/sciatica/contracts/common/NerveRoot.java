package care.sciatica.contracts.common;

/** Lumbosacral nerve roots the clinic's rules distinguish. */
public enum NerveRoot {
    L4, L5, S1
}
