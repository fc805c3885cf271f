package care.sciatica.assessment.domain;

import care.sciatica.contracts.assessment.Urgency;

import java.util.List;

/** The case must be referred out instead of treated: how soon, and every red flag that fired. */
public record Referral(String rulesVersion, Urgency urgency, List<Reason> reasons) implements Assessment {

    public Referral {
        reasons = List.copyOf(reasons);
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("A referral needs at least one reason");
        }
    }
}
