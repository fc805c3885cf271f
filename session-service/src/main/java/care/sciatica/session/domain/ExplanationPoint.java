package care.sciatica.session.domain;

import care.sciatica.contracts.common.TreatmentStep;
import java.util.ArrayList;
import java.util.List;

/**
 * What the therapist explained before asking for consent. The protocol asks that the patient understands what will
 * happen and how it will help; the right to stop makes the consent free, and ice and heat carry their own risks.
 */
public enum ExplanationPoint {
    WHAT_WILL_HAPPEN, HOW_IT_WILL_HELP, ICE_AND_HEAT, POSSIBLE_DISCOMFORT, RIGHT_TO_STOP, ALTERNATIVES;

    /** The points an explanation must cover before consent can be given for this plan. */
    public static List<ExplanationPoint> requiredFor(TreatmentPlan plan) {
        List<ExplanationPoint> required = new ArrayList<>(List.of(WHAT_WILL_HAPPEN, HOW_IT_WILL_HELP, RIGHT_TO_STOP));
        if (plan.includes(TreatmentStep.ICE_MASSAGE) || plan.includes(TreatmentStep.HEAT)) {
            required.add(ICE_AND_HEAT);
        }
        return required.stream().sorted().toList();
    }
}
