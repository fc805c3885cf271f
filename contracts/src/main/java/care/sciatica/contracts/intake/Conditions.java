package care.sciatica.contracts.intake;

/** Conditions and medication that exclude or modify treatment steps. */
public record Conditions(
        boolean raynauds,
        boolean coldUrticaria,
        boolean impairedSensation,
        boolean circulatoryDisease,
        boolean knownDvt,
        boolean anticoagulants,
        boolean osteoporosis,
        boolean longTermSteroids,
        boolean cancerHistory,
        boolean pregnancy,
        boolean skinLesionsOverTreatmentArea
) {
}
