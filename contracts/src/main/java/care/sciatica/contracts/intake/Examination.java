package care.sciatica.contracts.intake;

import care.sciatica.contracts.common.NerveRoot;
import java.util.List;

/** Physical examination findings used to classify the origin; absent straight leg raise means not tested. */
public record Examination(
        StraightLegRaise straightLegRaise,
        TestResult crossedStraightLegRaise,
        TestResult slump,
        List<NerveRoot> dermatomalSensoryChange,
        MyotomalPower myotomalPower,
        Reflexes reflexes,
        CentralisationResult centralisation,
        Laslett laslett,
        TestResult fair,
        TestResult activePiriformis,
        TestResult seatedPiriformisStretch,
        boolean sciaticNotchTenderness
) {
}
