package care.sciatica.session.domain;

import care.sciatica.contracts.common.BodySite;
import care.sciatica.contracts.common.HeatKind;
import care.sciatica.contracts.common.Pressure;
import care.sciatica.contracts.session.Technique;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What was actually applied in a step: palpation points or ice sites, ice cubes at once, minutes, the heat (kind, when
 * applied, when removed), the regions treated, pressure and technique. Only the fields relevant to the step are set.
 */
public record StepParameters(List<BodySite> sites, Integer iceCubesAtOnce, Integer minutes, HeatKind heatKind,
        Instant heatAppliedAt, Instant heatRemovedAt, List<BodySite> regions, Pressure pressure, Technique technique) {

    public StepParameters {
        sites = distinct(sites);
        regions = distinct(regions);
    }

    public static StepParameters none() {
        return new StepParameters(null, null, null, null, null, null, null, null, null);
    }

    /** Palpation: the most sensitive points found. */
    public static StepParameters palpation(List<BodySite> mostSensitive) {
        return new StepParameters(mostSensitive, null, null, null, null, null, null, null, null);
    }

    /** Ice massage on the given sites. */
    public static StepParameters ice(List<BodySite> sites, int cubesAtOnce, int minutes) {
        return new StepParameters(sites, cubesAtOnce, minutes, null, null, null, null, null, null);
    }

    /** Heat applied along the given regions; its removal is recorded when it happens. */
    public static StepParameters heat(HeatKind kind, List<BodySite> regions, Instant appliedAt) {
        return new StepParameters(null, null, null, kind, appliedAt, null, regions, null, null);
    }

    /** Massage or mobilisation of the given regions. */
    public static StepParameters handsOn(List<BodySite> regions, Pressure pressure, Technique technique,
            Integer minutes) {
        return new StepParameters(null, null, minutes, null, null, null, regions, pressure, technique);
    }

    public StepParameters withHeatRemovedAt(Instant removedAt) {
        return new StepParameters(sites, iceCubesAtOnce, minutes, heatKind, heatAppliedAt, removedAt, regions, pressure,
                technique);
    }

    private static List<BodySite> distinct(List<BodySite> sites) {
        return sites == null ? List.of() : sites.stream().filter(Objects::nonNull).distinct().toList();
    }
}
