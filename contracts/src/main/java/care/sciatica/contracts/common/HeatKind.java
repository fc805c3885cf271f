package care.sciatica.contracts.common;

/** The heat source used in the heat step. */
public enum HeatKind {
    WHEAT_BAG, HOT_COLD_PACK
}
