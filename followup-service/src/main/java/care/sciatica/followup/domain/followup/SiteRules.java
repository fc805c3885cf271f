package care.sciatica.followup.domain.followup;

import care.sciatica.contracts.followup.ScheduleReason;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The follow-up rules in force at one site: the minimal important change in NRS points, the pain level that counts as
 * recovered, one visit interval per schedule reason and one task rule per task reason.
 */
public record SiteRules(int minimalImportantChange, int recoveredAtOrBelow, Map<ScheduleReason, VisitInterval> intervals,
                        Map<TaskReason, TaskRule> tasks) {

    public SiteRules {
        if (minimalImportantChange < 1 || minimalImportantChange > 10) {
            throw new IllegalArgumentException("minimalImportantChange must be 1..10 NRS points");
        }
        if (recoveredAtOrBelow < 0 || recoveredAtOrBelow > 10) {
            throw new IllegalArgumentException("recoveredAtOrBelow must be 0..10 NRS points");
        }
        requireAll(intervals, ScheduleReason.values(), "intervals");
        requireAll(tasks, TaskReason.values(), "tasks");
        intervals = Collections.unmodifiableMap(new EnumMap<>(intervals));
        tasks = Collections.unmodifiableMap(new EnumMap<>(tasks));
    }

    public VisitInterval interval(ScheduleReason reason) {
        return intervals.get(reason);
    }

    public TaskRule task(TaskReason reason) {
        return tasks.get(reason);
    }

    private static <K> void requireAll(Map<K, ?> map, K[] keys, String name) {
        if (map == null || !map.keySet().containsAll(Arrays.asList(keys)) || map.containsValue(null)) {
            throw new IllegalArgumentException(name + " must have an entry for each of " + Arrays.toString(keys));
        }
    }
}
