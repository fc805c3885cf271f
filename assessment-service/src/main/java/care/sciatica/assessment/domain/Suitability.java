package care.sciatica.assessment.domain;

import care.sciatica.contracts.assessment.SuitabilityDecision;

import java.util.List;

/** Whether massage is appropriate now (treat, or treat with modifications), and why; a referral is not a plan. */
public record Suitability(SuitabilityDecision decision, List<Reason> reasons) {

    public Suitability {
        reasons = List.copyOf(reasons);
    }
}
