package care.sciatica.contracts.assessment;

import care.sciatica.contracts.common.BodySite;
import care.sciatica.contracts.common.HeatKind;
import care.sciatica.contracts.common.Pressure;
import java.util.List;

/** Limits a planned step must respect; absent fields mean the protocol default. */
public record PlannedStepParameters(
        Integer maxIceCubes,
        Integer maxMinutes,
        HeatKind heatKind,
        Pressure pressure,
        List<BodySite> regions
) {
}
