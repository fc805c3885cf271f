package care.sciatica.assessment.domain.rules;

/** Every number the rules compare against; see the rules file for why each has its value. */
public record Thresholds(
        Threshold severeMotorGradeAtMost,
        Threshold newPainAgeOver,
        Threshold newPainAgeUnder,
        Threshold newPainWithinDays,
        Threshold recentLumbarSurgeryDays,
        Threshold recentHipReplacementDays,
        Threshold anticoagulantHighRiskAgeAtLeast,
        Threshold laslettPositivesWithGaenslen,
        Threshold laslettPositivesWithoutGaenslen,
        Threshold lumbarHighKeySigns,
        Threshold lumbarHighAllSigns,
        Threshold lumbarModerateSupportingSigns,
        Threshold piriformisHighFeatures
) {
}
