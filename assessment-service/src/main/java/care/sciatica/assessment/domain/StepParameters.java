package care.sciatica.assessment.domain;

import care.sciatica.contracts.common.BodySite;
import care.sciatica.contracts.common.HeatKind;
import care.sciatica.contracts.common.Pressure;

import java.util.List;

/**
 * Limits a planned step must respect; null means the protocol has no limit of that kind for the step.
 * Never more than two ice cubes at once, whoever asks: the constructor refuses it.
 */
public record StepParameters(
        Integer maxIceCubes,
        Integer maxMinutes,
        HeatKind heatKind,
        Pressure pressure,
        List<BodySite> regions
) {

    public static final int MAX_ICE_CUBES = 2;

    public StepParameters {
        if (maxIceCubes != null && (maxIceCubes < 1 || maxIceCubes > MAX_ICE_CUBES)) {
            throw new IllegalArgumentException("Never more than " + MAX_ICE_CUBES + " ice cubes at once: " + maxIceCubes);
        }
        if (maxMinutes != null && (maxMinutes < 1 || maxMinutes > 60)) {
            throw new IllegalArgumentException("maxMinutes must be 1-60: " + maxMinutes);
        }
        regions = regions == null ? null : List.copyOf(regions);
    }

    public static StepParameters none() {
        return new StepParameters(null, null, null, null, null);
    }

    /** These parameters with the tighter of each limit in {@code other}; lighter pressure is tighter. */
    public StepParameters tightenedBy(StepParameters other) {
        return new StepParameters(
                min(maxIceCubes, other.maxIceCubes),
                min(maxMinutes, other.maxMinutes),
                other.heatKind != null ? other.heatKind : heatKind,
                pressure == null ? other.pressure
                        : other.pressure == null ? pressure
                        : other.pressure.ordinal() < pressure.ordinal() ? other.pressure : pressure,
                other.regions != null ? other.regions : regions);
    }

    /** These parameters with every limit {@code other} sets replacing this one's: a clinical lead's choice. */
    public StepParameters replacedBy(StepParameters other) {
        return new StepParameters(
                other.maxIceCubes != null ? other.maxIceCubes : maxIceCubes,
                other.maxMinutes != null ? other.maxMinutes : maxMinutes,
                other.heatKind != null ? other.heatKind : heatKind,
                other.pressure != null ? other.pressure : pressure,
                other.regions != null ? other.regions : regions);
    }

    private static Integer min(Integer a, Integer b) {
        return a == null ? b : b == null ? a : Integer.valueOf(Math.min(a, b));
    }
}
