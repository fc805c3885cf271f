package care.sciatica.assessment.messaging;

import care.sciatica.assessment.AssessmentTestResources;
import care.sciatica.contracts.CloudEventAttributes;
import care.sciatica.contracts.EventJson;
import care.sciatica.contracts.EventSchemas;
import care.sciatica.contracts.EventType;
import care.sciatica.contracts.Topics;
import care.sciatica.local.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;

import static care.sciatica.local.TopicReader.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@AssessmentTestResources
@TestSecurity(user = "therapist.north", roles = "therapist")
@OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
class HistoryConsumerTest {

    private final TopicReader kafka = TopicReader.ofTestBroker();

    @Test
    void aRecordedHistoryYieldsAPlanWithItsReasonsOnTheTopicAndOverHttp() throws IOException {
        String caseId = UUID.randomUUID().toString();

        kafka.send(TopicReader.cloudEvent(EventType.HISTORY_RECORDED, caseId, "site-north",
                UUID.randomUUID().toString(), history(caseId, 1).toString()));

        ConsumerRecord<String, String> event = kafka.awaitKeyed(Topics.ASSESSMENT_EVENTS, caseId, 1).getFirst();
        assertThat(header(event, CloudEventAttributes.TYPE)).isEqualTo(EventType.PLAN_ISSUED.type());
        assertThat(header(event, CloudEventAttributes.SUBJECT)).isEqualTo(caseId);
        assertThat(header(event, CloudEventAttributes.SOURCE)).isEqualTo("/sites/site-north/assessment-service");
        JsonNode plan = EventJson.mapper().readTree(event.value());
        assertThat(EventSchemas.violations(EventType.PLAN_ISSUED, plan)).isEmpty();
        assertThat(plan.get("planVersion").asInt()).isEqualTo(1);
        assertThat(plan.get("basedOnHistoryVersion").asInt()).isEqualTo(1);
        // The example patient has Raynaud's: the plan must exclude ice and say why.
        JsonNode ice = step(plan, "ICE_MASSAGE");
        assertThat(ice.get("status").asText()).isEqualTo("EXCLUDED");
        assertThat(ice.get("reasons").findValuesAsText("finding")).contains("conditions.raynauds");

        given().get("/cases/" + caseId + "/assessment")
                .then().statusCode(200)
                .body("disposition", equalTo("PLAN"))
                .body("status", equalTo("CURRENT"))
                .body("reasoning.origin.primary", equalTo(plan.at("/origin/primary").asText()));
    }

    @Test
    void aRedeliveredHistoryEventProducesNothingNew() throws IOException {
        String caseId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        String data = history(caseId, 1).toString();

        kafka.send(TopicReader.cloudEvent(EventType.HISTORY_RECORDED, caseId, "site-north", eventId, data));
        kafka.send(TopicReader.cloudEvent(EventType.HISTORY_RECORDED, caseId, "site-north", eventId, data));
        // The amendment comes after both copies on the same partition: once it is assessed, both were consumed.
        kafka.send(TopicReader.cloudEvent(EventType.HISTORY_AMENDED, caseId, "site-north",
                UUID.randomUUID().toString(), amendment(caseId).toString()));

        List<ConsumerRecord<String, String>> events = kafka.awaitKeyed(Topics.ASSESSMENT_EVENTS, caseId, 2);
        assertThat(events).hasSize(2);
        JsonNode second = EventJson.mapper().readTree(events.get(1).value());
        assertThat(second.get("planVersion").asInt()).isEqualTo(2);
        assertThat(second.get("supersedesPlanVersion").asInt()).isEqualTo(1);
        assertThat(second.get("basedOnHistoryVersion").asInt()).isEqualTo(2);
    }

    @Test
    void aRedFlagYieldsAReferralAndNoPlan() throws IOException {
        String caseId = UUID.randomUUID().toString();
        ObjectNode history = history(caseId, 1);
        ((ObjectNode) history.at("/history/redFlags")).put("saddleNumbness", "YES");

        kafka.send(TopicReader.cloudEvent(EventType.HISTORY_RECORDED, caseId, "site-north",
                UUID.randomUUID().toString(), history.toString()));

        ConsumerRecord<String, String> event = kafka.awaitKeyed(Topics.ASSESSMENT_EVENTS, caseId, 1).getFirst();
        assertThat(header(event, CloudEventAttributes.TYPE)).isEqualTo(EventType.REFERRAL_REQUIRED.type());
        JsonNode referral = EventJson.mapper().readTree(event.value());
        assertThat(referral.get("urgency").asText()).isEqualTo("EMERGENCY");
        assertThat(referral.get("reasons").findValuesAsText("finding")).contains("redFlags.saddleNumbness");
    }

    @Test
    void anUnreadableHistoryGoesToTheDeadLetterTopicAndTheNextOneIsStillAssessed() throws IOException {
        String caseId = UUID.randomUUID().toString();
        ObjectNode broken = history(caseId, 1);
        ((ObjectNode) broken.at("/history/pain")).put("nrsNow", 42);
        String brokenId = UUID.randomUUID().toString();

        kafka.send(TopicReader.cloudEvent(EventType.HISTORY_RECORDED, caseId, "site-north", brokenId, broken.toString()));
        kafka.send(TopicReader.cloudEvent(EventType.HISTORY_RECORDED, caseId, "site-north",
                UUID.randomUUID().toString(), history(caseId, 1).toString()));

        ConsumerRecord<String, String> dead = kafka.awaitKeyed(Topics.ASSESSMENT_DLQ, caseId, 1).getFirst();
        assertThat(header(dead, CloudEventAttributes.ID)).isEqualTo(brokenId);
        assertThat(header(dead, "dead-letter-reason")).contains("pain.nrsNow");
        assertThat(kafka.awaitKeyed(Topics.ASSESSMENT_EVENTS, caseId, 1)).hasSize(1);
    }

    @Test
    void anotherSitesAssessmentIsNotFound() throws IOException {
        String caseId = UUID.randomUUID().toString();
        kafka.send(TopicReader.cloudEvent(EventType.HISTORY_RECORDED, caseId, "site-south",
                UUID.randomUUID().toString(), history(caseId, 1).put("siteId", "site-south").toString()));
        kafka.awaitKeyed(Topics.ASSESSMENT_EVENTS, caseId, 1);

        given().get("/cases/" + caseId + "/assessment")
                .then().statusCode(404).contentType("application/problem+json");
    }

    private static JsonNode step(JsonNode plan, String name) {
        for (JsonNode step : plan.get("steps")) {
            if (step.get("step").asText().equals(name)) {
                return step;
            }
        }
        throw new AssertionError("no step " + name + " in " + plan);
    }

    static ObjectNode history(String caseId, int version) throws IOException {
        ObjectNode data = (ObjectNode) example(EventType.HISTORY_RECORDED);
        data.put("caseId", caseId);
        data.put("historyVersion", version);
        return data;
    }

    static ObjectNode amendment(String caseId) throws IOException {
        ObjectNode data = (ObjectNode) example(EventType.HISTORY_AMENDED);
        data.put("caseId", caseId);
        data.put("siteId", "site-north");
        data.put("historyVersion", 2);
        data.put("supersedesVersion", 1);
        return data;
    }

    private static JsonNode example(EventType type) throws IOException {
        try (InputStream in = HistoryConsumerTest.class.getClassLoader().getResourceAsStream(type.exampleResource())) {
            return EventJson.mapper().readTree(in);
        }
    }
}
