package care.sciatica.systemtests;

import care.sciatica.contracts.CloudEventAttributes;
import care.sciatica.contracts.EventType;
import care.sciatica.local.PostgresDatabases;
import care.sciatica.local.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What must hold for a batch of cases taken through a completed session, whatever failed on the way: read from the
 * four services' databases and from the topics. Exactly one of everything, nothing stuck, nothing dead-lettered.
 */
final class FlowInvariants {

    private static final List<String> SERVICES = List.of("intake-service", "assessment-service", "session-service",
            "followup-service");
    /** Cases with an appointment or a book-by-hand task (the two ways a completed session is followed up). */
    private static final String FOLLOWED_UP = """
            SELECT count(DISTINCT case_id) FROM (
                SELECT case_id FROM appointment WHERE case_id = ANY(?)
                UNION ALL SELECT case_id FROM followup_task WHERE kind = 'BOOK_BY_HAND' AND case_id = ANY(?)) followed""";

    private final RunningPlatform platform;
    private final TopicReader topics;

    FlowInvariants(RunningPlatform platform, TopicReader topics) {
        this.platform = platform;
        this.topics = topics;
    }

    /** Waits until every case is followed up and every outbox is drained (the platform has settled). */
    void awaitSettled(List<String> caseIds, Duration patience) {
        await("every completed session led to an appointment or a book-by-hand task").atMost(patience)
                .untilAsserted(() -> assertThat(followedUp(caseIds)).isEqualTo(caseIds.size()));
        await("every outbox drained").atMost(patience)
                .untilAsserted(() -> assertThat(unpublished()).isEqualTo(Map.of()));
    }

    /** The counts the invariants are about, named for the test's printout. */
    Map<String, Long> counts(List<String> caseIds) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("intakes accepted", (long) caseIds.size());
        counts.put("cases recorded", count("intake-service",
                "SELECT count(*) FROM care_case WHERE id = ANY(?)", caseIds));
        counts.put("current plans or referrals", count("assessment-service",
                "SELECT count(*) FROM assessment WHERE status = 'CURRENT' AND case_id = ANY(?)", caseIds));
        counts.put("assessments", count("assessment-service",
                "SELECT count(*) FROM assessment WHERE case_id = ANY(?)", caseIds));
        counts.put("completed sessions", count("session-service",
                "SELECT count(*) FROM treatment_session WHERE state = 'COMPLETED' AND case_id = ANY(?)", caseIds));
        counts.put("sessions", count("session-service",
                "SELECT count(*) FROM treatment_session WHERE case_id = ANY(?)", caseIds));
        counts.put("cases followed up", followedUp(caseIds));
        counts.put("cases followed up more than once", count("followup-service", """
                SELECT count(*) FROM (SELECT case_id FROM (
                    SELECT case_id FROM appointment WHERE case_id = ANY(?)
                    UNION ALL SELECT case_id FROM followup_task WHERE kind = 'BOOK_BY_HAND' AND case_id = ANY(?)
                  ) followed GROUP BY case_id HAVING count(*) > 1) twice""", caseIds));
        counts.put("steps recorded twice", count("session-service", """
                SELECT count(*) FROM (SELECT e.session_id FROM session_entry e
                  JOIN treatment_session s ON s.id = e.session_id
                 WHERE s.case_id = ANY(?) AND e.kind IN ('StepRecorded', 'Completed')
                 GROUP BY e.session_id, e.kind, e.entry::jsonb -> 'step' ->> 'step'
                HAVING count(*) > 1) twice""", caseIds));
        counts.put("dead-lettered events of these cases", deadLettered(Set.copyOf(caseIds)));
        counts.put("plan events per case above one", eventsAboveOnePerCase(EventType.PLAN_ISSUED, caseIds));
        counts.put("completion events per case above one",
                eventsAboveOnePerCase(EventType.SESSION_COMPLETED, caseIds));
        return counts;
    }

    /** 0 lost, 0 duplicated, 0 stuck: one of everything for each of the {@code cases}. */
    void assertHeld(Map<String, Long> counts, long cases) {
        assertThat(counts).containsEntry("cases recorded", cases)
                .containsEntry("current plans or referrals", cases)
                .containsEntry("assessments", cases)
                .containsEntry("completed sessions", cases)
                .containsEntry("sessions", cases)
                .containsEntry("cases followed up", cases)
                .containsEntry("cases followed up more than once", 0L)
                .containsEntry("steps recorded twice", 0L)
                .containsEntry("dead-lettered events of these cases", 0L)
                .containsEntry("plan events per case above one", 0L)
                .containsEntry("completion events per case above one", 0L);
    }

    /** How many of the cases have an appointment or a book-by-hand task. */
    long followedUp(List<String> caseIds) throws SQLException {
        return count("followup-service", FOLLOWED_UP, caseIds);
    }

    /** The ids of the cases' appointments. */
    Set<String> appointmentIds(List<String> caseIds) throws SQLException {
        try (Connection connection = PostgresDatabases.fromEnvironment().connect(platform.database("followup-service"));
             PreparedStatement query = connection.prepareStatement(
                     "SELECT id FROM appointment WHERE case_id = ANY(?)")) {
            query.setArray(1, connection.createArrayOf("uuid", caseIds.stream().map(UUID::fromString).toArray()));
            Set<String> ids = new java.util.HashSet<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    ids.add(result.getString(1));
                }
            }
            return ids;
        }
    }

    /** Outbox rows not yet published, by service (services whose outbox is empty are left out). */
    private Map<String, Long> unpublished() throws SQLException {
        Map<String, Long> backlog = new TreeMap<>();
        for (String service : SERVICES) {
            long rows = count(service, "SELECT count(*) FROM outbox WHERE published_at IS NULL", List.of());
            if (rows > 0) {
                backlog.put(service, rows);
            }
        }
        return backlog;
    }

    private long deadLettered(Set<String> caseIds) {
        return Stream.of("assessment.dlq", "session.dlq", "followup.dlq").flatMap(dlq -> topics.readAll(dlq).stream())
                .filter(record -> caseIds.contains(record.key())).count();
    }

    /** Distinct event ids of {@code type} per case beyond the one each case should have (a resend keeps its id). */
    private long eventsAboveOnePerCase(EventType type, List<String> caseIds) {
        Set<String> cases = Set.copyOf(caseIds);
        Map<String, Set<String>> idsByCase = topics.readAll(type.topic()).stream()
                .filter(record -> cases.contains(record.key())
                        && type.type().equals(TopicReader.header(record, CloudEventAttributes.TYPE)))
                .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.mapping(
                        record -> TopicReader.header(record, CloudEventAttributes.ID), Collectors.toSet())));
        return idsByCase.values().stream().mapToLong(ids -> ids.size() - 1).sum();
    }

    /** Runs a count query on the service's database; every {@code ?} is the array of case ids. */
    private long count(String service, String sql, List<String> caseIds) throws SQLException {
        try (Connection connection = PostgresDatabases.fromEnvironment().connect(platform.database(service));
             PreparedStatement query = connection.prepareStatement(sql)) {
            Array ids = connection.createArrayOf("uuid", caseIds.stream().map(UUID::fromString).toArray());
            for (int i = 1; i <= query.getParameterMetaData().getParameterCount(); i++) {
                query.setArray(i, ids);
            }
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
