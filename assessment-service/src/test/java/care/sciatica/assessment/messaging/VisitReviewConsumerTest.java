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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static care.sciatica.local.TopicReader.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** Each follow-up visit's review is assessed again: its own plan (v2, with what changed) or a referral naming the visit. */
@QuarkusTest
@AssessmentTestResources
@TestSecurity(user = "therapist.north", roles = "therapist")
@OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
class VisitReviewConsumerTest {

    private final TopicReader kafka = TopicReader.ofTestBroker();

    @Test
    void aSecondVisitsReviewYieldsAPlanV2WithTheStepsThatChangedAndWhy() throws IOException {
        String caseId = UUID.randomUUID().toString();
        // At intake a wound over the treatment area excludes heat and keeps massage away from it; by visit 2 it healed.
        ObjectNode intake = HistoryConsumerTest.history(caseId, 1);
        ((ObjectNode) intake.at("/history/conditions")).put("skinLesionsOverTreatmentArea", true);
        send(EventType.HISTORY_RECORDED, caseId, intake);
        send(EventType.VISIT_REVIEWED, caseId, review(caseId, 2, "UNCHANGED"));

        List<ConsumerRecord<String, String>> events = kafka.awaitKeyed(Topics.ASSESSMENT_EVENTS, caseId, 2);
        assertThat(header(events.get(0), CloudEventAttributes.TYPE)).isEqualTo(EventType.PLAN_ISSUED.type());
        ConsumerRecord<String, String> event = events.get(1);
        assertThat(header(event, CloudEventAttributes.TYPE)).isEqualTo(EventType.PLAN_ISSUED_V2.type());
        assertThat(header(event, CloudEventAttributes.SUBJECT)).isEqualTo(caseId);
        JsonNode first = EventJson.mapper().readTree(events.get(0).value());
        JsonNode plan = EventJson.mapper().readTree(event.value());
        assertThat(EventSchemas.violations(EventType.PLAN_ISSUED_V2, plan)).isEmpty();
        assertThat(plan.get("visit").asInt()).isEqualTo(2);
        assertThat(plan.get("planVersion").asInt()).isEqualTo(2);
        assertThat(plan.get("supersedesPlanVersion").asInt()).isEqualTo(1);
        assertThat(plan.get("basedOnHistoryVersion").asInt()).isEqualTo(2);
        assertThat(plan.get("assessmentId").asText()).isNotEqualTo(first.get("assessmentId").asText());

        assertThat(changes(plan)).containsExactly("HEAT EXCLUDED->INCLUDED", "MASSAGE_LEG_UNDER_HEAT MODIFIED->INCLUDED",
                "MASSAGE_AREA_AND_SPINE MODIFIED->INCLUDED");
        JsonNode heat = plan.get("changes").get(0);
        assertThat(heat.at("/reasons/0/ruleId").asText()).isEqualTo("HEAT_EXCLUDED_SKIN_LESIONS");
        assertThat(heat.at("/reasons/0/finding").asText()).isEqualTo("conditions.skinLesionsOverTreatmentArea");
        assertThat(heat.at("/reasons/0/explanation").asText())
                .isEqualTo("No longer applies: Heat excluded: skin lesion, dermatitis or wound over the treatment area");

        given().get("/cases/" + caseId + "/assessment")
                .then().statusCode(200)
                .body("disposition", equalTo("PLAN"))
                .body("visit", equalTo(2))
                .body("planVersion", equalTo(2))
                .body("reasoning.visit", equalTo(2))
                .body("reasoning.changes.step", contains("HEAT", "MASSAGE_LEG_UNDER_HEAT", "MASSAGE_AREA_AND_SPINE"))
                .body("reasoning.changes[0].previousStatus", equalTo("EXCLUDED"))
                .body("reasoning.changes[0].status", equalTo("INCLUDED"));
    }

    @Test
    void anAmendmentAfterAReviewKeepsTheVisit() throws IOException {
        String caseId = UUID.randomUUID().toString();
        send(EventType.HISTORY_RECORDED, caseId, HistoryConsumerTest.history(caseId, 1));
        send(EventType.VISIT_REVIEWED, caseId, review(caseId, 2, "UNCHANGED"));
        ObjectNode amendment = HistoryConsumerTest.amendment(caseId);
        amendment.put("historyVersion", 3);
        amendment.put("supersedesVersion", 2);
        ((ObjectNode) amendment.at("/history/conditions")).put("anticoagulants", true);
        send(EventType.HISTORY_AMENDED, caseId, amendment);

        ConsumerRecord<String, String> event = kafka.awaitKeyed(Topics.ASSESSMENT_EVENTS, caseId, 3).get(2);
        assertThat(header(event, CloudEventAttributes.TYPE)).isEqualTo(EventType.PLAN_ISSUED_V2.type());
        JsonNode plan = EventJson.mapper().readTree(event.value());
        assertThat(EventSchemas.violations(EventType.PLAN_ISSUED_V2, plan)).isEmpty();
        assertThat(plan.get("visit").asInt()).isEqualTo(2);
        assertThat(plan.get("planVersion").asInt()).isEqualTo(3);
        assertThat(plan.get("basedOnHistoryVersion").asInt()).isEqualTo(3);
        assertThat(changes(plan)).contains("HEAT INCLUDED->EXCLUDED");
    }

    @Test
    void aReviewWithWorsePowerYieldsAReferralForThatVisitAndNoPlan() throws IOException {
        String caseId = UUID.randomUUID().toString();
        send(EventType.HISTORY_RECORDED, caseId, HistoryConsumerTest.history(caseId, 1));
        send(EventType.VISIT_REVIEWED, caseId, review(caseId, 2, "WORSE"));

        ConsumerRecord<String, String> event = kafka.awaitKeyed(Topics.ASSESSMENT_EVENTS, caseId, 2).get(1);
        assertThat(header(event, CloudEventAttributes.TYPE)).isEqualTo(EventType.REFERRAL_REQUIRED.type());
        JsonNode referral = EventJson.mapper().readTree(event.value());
        assertThat(EventSchemas.violations(EventType.REFERRAL_REQUIRED, referral)).isEmpty();
        assertThat(referral.get("visit").asInt()).isEqualTo(2);
        assertThat(referral.get("basedOnHistoryVersion").asInt()).isEqualTo(2);
        assertThat(referral.get("urgency").asText()).isEqualTo("URGENT");
        assertThat(referral.at("/reasons/0/ruleId").asText()).isEqualTo("REFER_NEUROLOGICAL_WORSENING");
        assertThat(referral.at("/reasons/0/finding").asText()).isEqualTo("review.neurologicalChange.power");

        given().get("/cases/" + caseId + "/assessment")
                .then().statusCode(200)
                .body("disposition", equalTo("REFERRAL"))
                .body("visit", equalTo(2))
                .body("reasoning.visit", equalTo(2))
                .body("reasoning.referralReasons.ruleId", contains("REFER_NEUROLOGICAL_WORSENING"))
                .body("reasoning", not(org.hamcrest.Matchers.hasKey("steps")));
    }

    @Test
    void aRedFlagAskedAgainAtAReviewRefersForThatVisit() throws IOException {
        String caseId = UUID.randomUUID().toString();
        send(EventType.HISTORY_RECORDED, caseId, HistoryConsumerTest.history(caseId, 1));
        ObjectNode review = review(caseId, 2, "UNCHANGED");
        ((ObjectNode) review.at("/history/redFlags")).put("saddleNumbness", "YES");
        send(EventType.VISIT_REVIEWED, caseId, review);

        ConsumerRecord<String, String> event = kafka.awaitKeyed(Topics.ASSESSMENT_EVENTS, caseId, 2).get(1);
        assertThat(header(event, CloudEventAttributes.TYPE)).isEqualTo(EventType.REFERRAL_REQUIRED.type());
        JsonNode referral = EventJson.mapper().readTree(event.value());
        assertThat(referral.get("visit").asInt()).isEqualTo(2);
        assertThat(referral.get("urgency").asText()).isEqualTo("EMERGENCY");
        assertThat(referral.get("reasons").findValuesAsText("finding")).containsExactly("redFlags.saddleNumbness");
    }

    private void send(EventType type, String caseId, JsonNode data) {
        kafka.send(TopicReader.cloudEvent(type, caseId, "site-north", UUID.randomUUID().toString(), data.toString()));
    }

    private static List<String> changes(JsonNode plan) {
        List<String> changes = new ArrayList<>();
        plan.get("changes").forEach(c -> changes.add(c.get("step").asText() + " " + c.get("previousStatus").asText()
                + "->" + c.get("status").asText()));
        return changes;
    }

    /** A follow-up visit's review of the intake example's patient: the history as at intake, healed of any wound. */
    static ObjectNode review(String caseId, int visit, String power) throws IOException {
        ObjectNode data;
        try (InputStream in = VisitReviewConsumerTest.class.getClassLoader()
                .getResourceAsStream(EventType.VISIT_REVIEWED.exampleResource())) {
            data = (ObjectNode) EventJson.mapper().readTree(in);
        }
        ObjectNode intake = HistoryConsumerTest.history(caseId, 1);
        data.put("caseId", caseId);
        data.put("siteId", "site-north");
        data.put("patientRef", intake.get("patientRef").asText());
        data.put("ageYears", intake.get("ageYears").asInt());
        data.put("historyVersion", visit);
        data.put("supersedesVersion", visit - 1);
        data.put("visit", visit);
        data.set("history", intake.get("history"));
        ((ObjectNode) data.at("/review/neurologicalChange")).put("power", power);
        return data;
    }
}
