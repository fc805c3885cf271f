package care.sciatica.contracts.intake;

import java.util.List;

/** How the patient moves and holds themself on arrival. */
public record Observation(
        Gait gait,
        List<Posture> posture,
        SitToStand sitToStand,
        SittingTolerance sittingTolerance
) {
}
