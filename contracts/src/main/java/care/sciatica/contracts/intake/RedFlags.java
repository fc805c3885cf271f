package care.sciatica.contracts.intake;

/** The red-flag screen; every question is answered, or explicitly not asked. */
public record RedFlags(
        RedFlagAnswer saddleNumbness,
        RedFlagAnswer bladderOrBowelDisturbance,
        RedFlagAnswer bilateralOrProgressiveLegWeakness,
        RedFlagAnswer feverOrRecentInfection,
        RedFlagAnswer unexplainedWeightLoss,
        RedFlagAnswer majorTrauma,
        RedFlagAnswer ivDrugUse,
        RedFlagAnswer immunosuppression
) {
}
