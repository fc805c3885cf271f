package care.sciatica.assessment.domain.rules;

import care.sciatica.contracts.common.Origin;

import java.util.Map;

/** Days to the follow-up appointment by primary origin, shortened when the plan had to be modified. */
public record FollowUpRule(Map<Origin, Integer> daysByOrigin, Integer withModificationsMaxDays, String why) {

    public int daysFor(Origin primary, boolean modified) {
        int days = daysByOrigin.get(primary);
        return modified ? Math.min(days, withModificationsMaxDays) : days;
    }
}
