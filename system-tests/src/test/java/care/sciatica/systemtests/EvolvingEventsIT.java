package care.sciatica.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import care.sciatica.contracts.CloudEventAttributes;
import care.sciatica.contracts.EventExamples;
import care.sciatica.contracts.EventType;
import care.sciatica.local.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A producer a release ahead of its consumers: it adds optional properties to its events (at the top and in nested
 * objects). Every consumer of the running platform reads them as before and acts on them.
 */
class EvolvingEventsIT {

    private static RunningPlatform platform;
    private static TopicReader topics;
    private static ClinicFlows flows;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.shared();
        topics = new TopicReader(platform.bootstrapServers());
        flows = new ClinicFlows(platform, topics);
    }

    @AfterAll
    static void closeTopics() {
        topics.close();
    }

    @Test
    void theAssessmentServiceAssessesAHistoryWithAddedProperties() {
        String caseId = UUID.randomUUID().toString();
        send(EventType.HISTORY_RECORDED, caseId, EventExamples.json(EventType.HISTORY_RECORDED));

        JsonNode plan = flows.awaitPlan(caseId);

        assertThat(plan.get("caseId").asText()).isEqualTo(caseId);
        assertThat(plan.get("basedOnHistoryVersion").asInt()).isEqualTo(
                EventExamples.json(EventType.HISTORY_RECORDED).get("historyVersion").asInt());
    }

    @Test
    void theSessionServiceOpensAndRunsASessionOnAPlanWithAddedProperties() {
        String therapist = platform.tokenFor("therapist.north");
        JsonNode issued = flows.awaitPlan(flows.intake(platform.tokenFor("frontdesk.north"), "site-north").caseId());
        String caseId = UUID.randomUUID().toString();
        ObjectNode plan = issued.deepCopy();
        plan.put("caseId", caseId).put("assessmentId", UUID.randomUUID().toString());
        send(EventType.PLAN_ISSUED, caseId, plan);

        await().atMost(ClinicFlows.WAIT).untilAsserted(() -> flows.as(therapist, "session-service").get("/worklist")
                .then().statusCode(200).body("caseId", hasItem(caseId)));
        String sessionId = flows.openSession(therapist, caseId);
        flows.runSession(therapist, sessionId, issued);

        assertThat(awaitEvent(EventType.SESSION_COMPLETED, caseId).get("sessionId").asText()).isEqualTo(sessionId);
    }

    @Test
    void theFollowUpServiceFollowsUpASessionCompletedWithAddedProperties() {
        String caseId = UUID.randomUUID().toString();
        ObjectNode completed = EventExamples.json(EventType.SESSION_COMPLETED);
        // Completed just now: a slot in the follow-up window is booked, or a book-by-hand task made if all are taken.
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        completed.put("sessionId", UUID.randomUUID().toString()).put("completedAt", now).put("occurredAt", now);
        send(EventType.SESSION_COMPLETED, caseId, completed);

        FlowInvariants followUps = new FlowInvariants(platform, topics);
        await().atMost(ClinicFlows.WAIT).untilAsserted(() -> assertThat(followUps.followedUp(List.of(caseId)))
                .isEqualTo(1));
    }

    private static JsonNode awaitEvent(EventType type, String caseId) {
        return ClinicFlows.json(topics.awaitMatching(type.topic(), record -> caseId.equals(record.key())
                && type.type().equals(TopicReader.header(record, CloudEventAttributes.TYPE)), 1, ClinicFlows.WAIT)
                .getFirst().value());
    }

    /** Sends the event for {@code caseId} as a newer producer would: with properties today's catalogue lacks. */
    private static void send(EventType type, String caseId, ObjectNode data) {
        data.put("caseId", caseId);
        addProperties(data);
        topics.send(TopicReader.cloudEvent(type, caseId, data.get("siteId").asText(), UUID.randomUUID().toString(),
                data.toString()));
    }

    private static void addProperties(ObjectNode node) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            JsonNode value = fields.next().getValue();
            if (value.isObject()) {
                addProperties((ObjectNode) value);
            }
        }
        node.put("addedInALaterRelease", "ignored by today's consumers");
    }
}
