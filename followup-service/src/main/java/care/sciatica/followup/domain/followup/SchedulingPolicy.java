package care.sciatica.followup.domain.followup;

import java.util.Map;
import java.util.Objects;

/**
 * The follow-up scheduling policy, kept as data: the chain's default rules and, per site, the rules with that site's
 * overrides already applied. Built by {@link SchedulingPolicyLoader}.
 */
public record SchedulingPolicy(String version, SiteRules defaults, Map<String, SiteRules> sites) {

    public SchedulingPolicy {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(defaults, "defaults");
        sites = Map.copyOf(sites);
    }

    /** The rules for a site; a site without overrides follows the defaults. */
    public SiteRules rulesFor(String siteId) {
        return sites.getOrDefault(siteId, defaults);
    }
}
