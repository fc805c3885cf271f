package care.sciatica.contracts.session;

import care.sciatica.contracts.common.BodySite;
import care.sciatica.contracts.common.HeatKind;
import care.sciatica.contracts.common.Pressure;
import java.time.Instant;
import java.util.List;

/** What was actually applied in a step; only the fields relevant to the step are present. */
public record PerformedStepParameters(
        List<BodySite> sites,
        Integer iceCubesAtOnce,
        Integer minutes,
        HeatKind heatKind,
        Instant heatAppliedAt,
        Instant heatRemovedAt,
        List<BodySite> regions,
        Pressure pressure,
        Technique technique
) {
}
