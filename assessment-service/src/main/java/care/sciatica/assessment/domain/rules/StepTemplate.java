package care.sciatica.assessment.domain.rules;

import care.sciatica.contracts.common.HeatKind;
import care.sciatica.contracts.common.Pressure;

import java.util.List;

/**
 * Step parameters as the rules file writes them: regions may name the affected side as {@code {side}_GLUTEAL},
 * resolved per case. Used for a step's protocol defaults and for the limits a rule imposes.
 */
public record StepTemplate(
        Integer maxIceCubes,
        Integer maxMinutes,
        HeatKind heatKind,
        Pressure pressure,
        List<String> regions
) {

    public static final String SIDE_PLACEHOLDER = "{side}";

    public static StepTemplate none() {
        return new StepTemplate(null, null, null, null, null);
    }
}
