package care.sciatica.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Kafka topics of the platform with their partition counts: one events topic per producing service
 * (keyed by caseId) and one dead-letter topic per consumer.
 */
public final class Topics {

    public static final int EVENT_PARTITIONS = 3;
    public static final int DLQ_PARTITIONS = 1;

    private Topics() {
    }

    /** Topic name to partition count, in a stable order. */
    public static Map<String, Integer> all() {
        Map<String, Integer> topics = new LinkedHashMap<>();
        for (String events : List.of(care.sciatica.contracts.Topics.INTAKE_EVENTS,
                care.sciatica.contracts.Topics.ASSESSMENT_EVENTS, care.sciatica.contracts.Topics.SESSION_EVENTS,
                care.sciatica.contracts.Topics.FOLLOWUP_EVENTS)) {
            topics.put(events, EVENT_PARTITIONS);
        }
        for (String dlq : List.of(care.sciatica.contracts.Topics.INTAKE_DLQ,
                care.sciatica.contracts.Topics.ASSESSMENT_DLQ,
                care.sciatica.contracts.Topics.SESSION_DLQ, care.sciatica.contracts.Topics.FOLLOWUP_DLQ)) {
            topics.put(dlq, DLQ_PARTITIONS);
        }
        return topics;
    }
}
