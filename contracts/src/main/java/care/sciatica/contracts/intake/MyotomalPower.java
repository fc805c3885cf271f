package care.sciatica.contracts.intake;

/** Muscle power graded 0-5 (Oxford scale) on the affected side; absent means not tested. */
public record MyotomalPower(
        Integer hipFlexion,
        Integer kneeExtensionL4,
        Integer ankleDorsiflexionL4L5,
        Integer bigToeExtensionL5,
        Integer plantarFlexionS1
) {
}
