package care.sciatica.followup.domain.followup;

import care.sciatica.contracts.followup.ScheduleReason;
import care.sciatica.followup.domain.InvalidSeedData;
import care.sciatica.followup.domain.SeedJson;
import java.io.Reader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads and validates a scheduling policy document ({@code seeds/followup/scheduling-policy.json}): complete defaults,
 * per-site partial overrides merged over them, and every problem reported at once with its path.
 */
public final class SchedulingPolicyLoader {

    static final String DOCUMENT = "scheduling policy";
    private static final Pattern SITE_ID = Pattern.compile("^site-[a-z0-9]+(-[a-z0-9]+)*$");
    private static final int MAX_INTERVAL_DAYS = 90;
    private static final Duration MAX_TASK_DUE = Duration.ofDays(30);

    private SchedulingPolicyLoader() {
    }

    public static SchedulingPolicy load(Reader reader) {
        RawPolicy raw = SeedJson.read(reader, RawPolicy.class, DOCUMENT);
        List<String> problems = new ArrayList<>();
        if (raw.version() == null || raw.version().isBlank()) {
            problems.add("version is missing");
        }
        if (raw.defaults() == null) {
            throw new InvalidSeedData(DOCUMENT, List.of("defaults is missing"));
        }
        List<String> inDefaults = new ArrayList<>();
        check("defaults", raw.defaults(), inDefaults);
        problems.addAll(inDefaults);
        Map<String, RawRules> sites = new LinkedHashMap<>();
        (raw.sites() == null ? Map.<String, RawRules>of() : raw.sites()).forEach((siteId, override) -> {
            if (!SITE_ID.matcher(siteId).matches()) {
                problems.add("sites." + siteId + " is not a site id like site-north");
            }
            RawRules merged = raw.defaults().overriddenBy(override);
            List<String> inSite = new ArrayList<>();
            check("sites." + siteId, merged, inSite);
            // A problem the site only inherits is reported once, at the defaults.
            inSite.stream()
                    .filter(problem -> !inDefaults.contains("defaults" + problem.substring(("sites." + siteId).length())))
                    .forEach(problems::add);
            sites.put(siteId, merged);
        });
        if (!problems.isEmpty()) {
            throw new InvalidSeedData(DOCUMENT, problems);
        }
        Map<String, SiteRules> rules = new LinkedHashMap<>();
        sites.forEach((siteId, merged) -> rules.put(siteId, merged.toRules()));
        return new SchedulingPolicy(raw.version(), raw.defaults().toRules(), rules);
    }

    private static void check(String path, RawRules rules, List<String> problems) {
        range(path + ".minimalImportantChange", rules.minimalImportantChange(), 1, 10, problems);
        range(path + ".recoveredAtOrBelow", rules.recoveredAtOrBelow(), 0, 10, problems);
        Map<ScheduleReason, RawInterval> intervals = orEmpty(rules.intervals());
        for (ScheduleReason reason : ScheduleReason.values()) {
            String at = path + ".intervals." + reason;
            RawInterval interval = intervals.get(reason);
            if (interval == null) {
                problems.add(at + " is missing");
                continue;
            }
            range(at + ".earliestDays", interval.earliestDays(), 1, MAX_INTERVAL_DAYS, problems);
            range(at + ".latestDays", interval.latestDays(), 1, MAX_INTERVAL_DAYS, problems);
            if (interval.complete() && interval.latestDays() < interval.earliestDays()) {
                problems.add(at + ".latestDays must not be before earliestDays");
            }
        }
        RawInterval routine = intervals.get(ScheduleReason.ROUTINE_INTERVAL);
        for (ScheduleReason sooner : List.of(ScheduleReason.SOONER_LITTLE_CHANGE, ScheduleReason.SOONER_WORSE_FLAGGED)) {
            RawInterval interval = intervals.get(sooner);
            if (routine != null && routine.complete() && interval != null && interval.complete()
                    && (interval.earliestDays() > routine.earliestDays() || interval.latestDays() > routine.latestDays())) {
                problems.add(path + ".intervals." + sooner + " must not end or start later than ROUTINE_INTERVAL");
            }
        }
        Map<TaskReason, RawTask> tasks = orEmpty(rules.tasks());
        for (TaskReason reason : TaskReason.values()) {
            String at = path + ".tasks." + reason;
            RawTask task = tasks.get(reason);
            if (task == null) {
                problems.add(at + " is missing");
                continue;
            }
            if (task.kind() == null) {
                problems.add(at + ".kind is missing");
            }
            if (task.dueWithin() == null || task.dueWithin().isNegative() || task.dueWithin().isZero()
                    || task.dueWithin().compareTo(MAX_TASK_DUE) > 0) {
                problems.add(at + ".dueWithin must be an ISO-8601 duration above zero and at most P30D");
            }
        }
        List<TaskReason> byUrgency = List.of(TaskReason.REFERRAL_EMERGENCY, TaskReason.REFERRAL_URGENT, TaskReason.REFERRAL_SOON);
        for (int i = 1; i < byUrgency.size(); i++) {
            RawTask more = tasks.get(byUrgency.get(i - 1));
            RawTask less = tasks.get(byUrgency.get(i));
            if (more != null && less != null && more.dueWithin() != null && less.dueWithin() != null
                    && more.dueWithin().compareTo(less.dueWithin()) > 0) {
                problems.add(path + ".tasks." + byUrgency.get(i - 1) + " must not be due later than " + byUrgency.get(i));
            }
        }
    }

    private static void range(String path, Integer value, int min, int max, List<String> problems) {
        if (value == null) {
            problems.add(path + " is missing");
        } else if (value < min || value > max) {
            problems.add(path + " must be " + min + ".." + max + ", got " + value);
        }
    }

    private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }

    /** {@code description} fields are for the people who edit the file; the loader ignores them. */
    record RawPolicy(String version, String description, RawRules defaults, Map<String, RawRules> sites) {
    }

    record RawRules(String description, Integer minimalImportantChange, Integer recoveredAtOrBelow, Map<ScheduleReason, RawInterval> intervals,
                    Map<TaskReason, RawTask> tasks) {

        /** These rules with a site's partial override on top: each given interval or task replaces the default one. */
        RawRules overriddenBy(RawRules site) {
            if (site == null) {
                return this;
            }
            Map<ScheduleReason, RawInterval> mergedIntervals = new EnumMap<>(ScheduleReason.class);
            mergedIntervals.putAll(orEmpty(intervals));
            mergedIntervals.putAll(orEmpty(site.intervals()));
            Map<TaskReason, RawTask> mergedTasks = new EnumMap<>(TaskReason.class);
            mergedTasks.putAll(orEmpty(tasks));
            mergedTasks.putAll(orEmpty(site.tasks()));
            return new RawRules(site.description(),
                    site.minimalImportantChange() != null ? site.minimalImportantChange() : minimalImportantChange,
                    site.recoveredAtOrBelow() != null ? site.recoveredAtOrBelow() : recoveredAtOrBelow,
                    mergedIntervals, mergedTasks);
        }

        SiteRules toRules() {
            Map<ScheduleReason, VisitInterval> visitIntervals = new EnumMap<>(ScheduleReason.class);
            intervals.forEach((reason, raw) -> visitIntervals.put(reason, new VisitInterval(raw.earliestDays(), raw.latestDays())));
            Map<TaskReason, TaskRule> taskRules = new EnumMap<>(TaskReason.class);
            tasks.forEach((reason, raw) -> taskRules.put(reason, new TaskRule(raw.kind(), raw.dueWithin())));
            return new SiteRules(minimalImportantChange, recoveredAtOrBelow, visitIntervals, taskRules);
        }
    }

    record RawInterval(Integer earliestDays, Integer latestDays) {

        boolean complete() {
            return earliestDays != null && latestDays != null;
        }
    }

    record RawTask(TaskKind kind, Duration dueWithin) {
    }
}
