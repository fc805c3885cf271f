package care.sciatica.systemtests;

import care.sciatica.contracts.CloudEventAttributes;
import care.sciatica.contracts.EventJson;
import care.sciatica.contracts.EventSchemas;
import care.sciatica.contracts.EventType;
import care.sciatica.local.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static care.sciatica.local.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The episode of care on the packaged services with the real broker, database and Keycloak: a case followed from the
 * first visit through two follow-up visits to discharge, and a case that gets worse reaching the clinical lead with
 * its trajectory — every event checked on the topics. A week cannot pass in a test: when the patient "comes back",
 * the booked appointment's time is moved into the past in the follow-up database (ClinicFlows#moveIntoThePast), so
 * the front desk may record the attendance as it would on the day.
 */
class EpisodeOfCareIT {

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
        if (topics != null) {
            topics.close();
        }
    }

    @Test
    void aCaseImprovesOverTwoFollowUpVisitsAndIsDischarged() {
        String frontDesk = platform.tokenFor("frontdesk.north");
        String therapist = platform.tokenFor("therapist.north");
        String caseId = intake(frontDesk, 7, 40, 14);

        JsonNode firstPlan = event(EventType.PLAN_ISSUED, caseId, 1);
        treat(therapist, caseId, firstPlan);
        assertThat(event(EventType.SESSION_COMPLETED, caseId, 1).path("visit").asInt(1)).isEqualTo(1);
        JsonNode booked = event(EventType.APPOINTMENT_SCHEDULED, caseId, 1);

        // Visit 2: the patient comes back, the front desk reviews, the case is assessed again and treated.
        comeBack(frontDesk, booked);
        JsonNode second = event(EventType.VISIT_STARTED, caseId, 1);
        assertThat(second.get("visit").asInt()).isEqualTo(2);
        assertThat(second.get("appointmentId").asText()).isEqualTo(booked.get("appointmentId").asText());
        review(frontDesk, caseId, 2, scores(4, 30, 9), "UNCHANGED");
        JsonNode reviewed = event(EventType.VISIT_REVIEWED, caseId, 1);
        assertThat(reviewed.get("visit").asInt()).isEqualTo(2);
        assertThat(reviewed.get("historyVersion").asInt()).isEqualTo(2);
        assertThat(reviewed.at("/history/pain/nrsNow").asInt()).isEqualTo(4);
        assertThat(reviewed.at("/history/baselineOutcomes/painNrs").asInt()).isEqualTo(7);
        JsonNode secondPlan = event(EventType.PLAN_ISSUED_V2, caseId, 1);
        assertThat(secondPlan.get("visit").asInt()).isEqualTo(2);
        assertThat(secondPlan.get("basedOnHistoryVersion").asInt()).isEqualTo(2);
        assertThat(secondPlan.get("planVersion").asInt()).isEqualTo(2);
        treat(therapist, caseId, secondPlan);
        assertThat(event(EventType.SESSION_COMPLETED, caseId, 2).get("visit").asInt()).isEqualTo(2);
        JsonNode bookedAgain = event(EventType.APPOINTMENT_SCHEDULED, caseId, 2);

        // Visit 3: recovered.
        comeBack(frontDesk, bookedAgain);
        assertThat(event(EventType.VISIT_STARTED, caseId, 2).get("visit").asInt()).isEqualTo(3);
        review(frontDesk, caseId, 3, scores(1, null, 2), "IMPROVED");
        JsonNode thirdPlan = event(EventType.PLAN_ISSUED_V2, caseId, 2);
        assertThat(thirdPlan.get("visit").asInt()).isEqualTo(3);
        treat(therapist, caseId, thirdPlan);
        assertThat(event(EventType.SESSION_COMPLETED, caseId, 3).get("visit").asInt()).isEqualTo(3);

        JsonNode discharged = event(EventType.EPISODE_DISCHARGED, caseId, 1);
        assertThat(discharged.get("visits").asInt()).isEqualTo(3);
        assertThat(discharged.get("reasons").get(0).get("ruleId").asText()).isEqualTo("EPISODE_RECOVERED");
        assertThat(discharged.get("baseline").toString()).isEqualTo("{\"painNrs\":7,\"odi\":40,\"rmdq\":14}");
        assertThat(discharged.get("latest").toString()).isEqualTo("{\"painNrs\":1,\"rmdq\":2}");
        assertThat(discharged.toString()).doesNotContain("Matrix", "1979-03-02", "matrix@example.org");
        // The discharge is decided where the next visit would have been booked: nothing more is booked.
        flows.as(frontDesk, "followup-service").get("/cases/" + caseId + "/appointments").then().statusCode(200)
                .body("status", contains("ATTENDED", "ATTENDED"));

        flows.as(therapist, "followup-service").get("/cases/" + caseId + "/episode").then().statusCode(200)
                .body("status", equalTo("DISCHARGED"))
                .body("visits.visit", contains(1, 2, 3))
                .body("visits.scores.painNrs", contains(7, 4, 1))
                .body("visits.change.painNrs", contains(0, 3, 6))
                .body("visits.micReached", contains(null, true, true))
                .body("visits.planVersion", contains(1, 2, 3))
                .body("visits[1].stepsDone", hasItem("PALPATION"))
                .body("visits.decision", contains("SCHEDULE", "CONTINUE", "DISCHARGE"));
    }

    @Test
    void aCaseWorseThanItsBaselineReachesTheClinicalLeadWithItsTrajectory() {
        String frontDesk = platform.tokenFor("frontdesk.north");
        String therapist = platform.tokenFor("therapist.north");
        String lead = platform.tokenFor("lead.north");
        String caseId = intake(frontDesk, 5, 30, null);
        treat(therapist, caseId, event(EventType.PLAN_ISSUED, caseId, 1));
        comeBack(frontDesk, event(EventType.APPOINTMENT_SCHEDULED, caseId, 1));
        event(EventType.VISIT_STARTED, caseId, 1);

        review(frontDesk, caseId, 2, scores(7, 36, null), "UNCHANGED");
        treat(therapist, caseId, event(EventType.PLAN_ISSUED_V2, caseId, 1));
        event(EventType.SESSION_COMPLETED, caseId, 2);

        await().atMost(ClinicFlows.WAIT).untilAsserted(() -> flows.as(lead, "followup-service")
                .get("/tasks?siteId=site-north").then().statusCode(200)
                .body("findAll { it.caseId == '" + caseId + "' }.reason", contains("WORSE_THAN_BASELINE")));
        flows.as(lead, "followup-service").get("/cases/" + caseId + "/episode").then().statusCode(200)
                .body("status", equalTo("OPEN"))
                .body("flaggedForLead", equalTo(true))
                .body("baseline.painNrs", equalTo(5))
                .body("visits.scores.painNrs", contains(5, 7))
                .body("visits[1].change.painNrs", equalTo(-2))
                .body("visits[1].change.odi", equalTo(-6))
                .body("visits[1].decision", equalTo("LEAD_REVIEW_WORSE_THAN_BASELINE"))
                .body("openTasks.kind", contains("CLINICAL_LEAD_REVIEW"));
        // The next visit is still booked, flagged for the lead, who decides to continue, change the plan or refer.
        JsonNode next = event(EventType.APPOINTMENT_SCHEDULED, caseId, 2);
        flows.as(lead, "followup-service").get("/appointments/" + next.get("appointmentId").asText())
                .then().statusCode(200).body("flaggedForLead", equalTo(true));

        // The lead reads the trajectory and decides to continue: the review is done, the flag lifted.
        flows.as(lead, "followup-service").contentType("application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("decision", "CONTINUE", "reason", "Flare after a long drive; keep going"))
                .post("/cases/" + caseId + "/episode/lead-decisions").then().statusCode(200)
                .body("flaggedForLead", equalTo(false))
                .body("leadDecision", equalTo("CONTINUE"))
                .body("openTasks", empty());
    }

    @Test
    void aWorseNeurologicalSignAtAReviewRefersInsteadOfTreating() {
        String frontDesk = platform.tokenFor("frontdesk.north");
        String therapist = platform.tokenFor("therapist.north");
        String caseId = intake(frontDesk, 6, 40, 12);
        treat(therapist, caseId, event(EventType.PLAN_ISSUED, caseId, 1));
        comeBack(frontDesk, event(EventType.APPOINTMENT_SCHEDULED, caseId, 1));
        event(EventType.VISIT_STARTED, caseId, 1);

        review(frontDesk, caseId, 2, scores(5, 38, 11), "WORSE");

        JsonNode referral = event(EventType.REFERRAL_REQUIRED, caseId, 1);
        assertThat(referral.get("visit").asInt()).isEqualTo(2);
        await().atMost(ClinicFlows.WAIT).untilAsserted(() -> flows.as(frontDesk, "followup-service")
                .get("/cases/" + caseId + "/episode").then().statusCode(200).body("status", equalTo("REFERRED")));
        flows.as(therapist, "assessment-service").get("/cases/" + caseId + "/assessment").then().statusCode(200)
                .body("visit", equalTo(2))
                .body("disposition", equalTo("REFERRAL"));
    }

    /** A first visit at site-north whose baseline outcomes are these scores. */
    private static String intake(String frontDesk, int nrs, Integer odi, Integer rmdq) {
        ObjectNode request = ClinicFlows.intakeRequest("site-north");
        ((ObjectNode) request.get("history")).set("baselineOutcomes", scores(nrs, odi, rmdq));
        return flows.as(frontDesk, "intake-service").contentType("application/json").body(request.toString())
                .post("/intakes").then().statusCode(201).extract().path("caseId");
    }

    /** The therapist opens the session of the case's latest plan once it is on the worklist, and runs it. */
    private static void treat(String therapist, String caseId, JsonNode plan) {
        await().atMost(ClinicFlows.WAIT).untilAsserted(() -> flows.as(therapist, "session-service").get("/worklist")
                .then().statusCode(200).body("caseId", hasItem(caseId)));
        flows.runSession(therapist, flows.openSession(therapist, caseId), plan);
    }

    /** The appointment's day comes and the front desk records that the patient came. */
    private static void comeBack(String frontDesk, JsonNode scheduled) {
        String appointmentId = scheduled.get("appointmentId").asText();
        flows.moveIntoThePast(appointmentId);
        flows.as(frontDesk, "followup-service").contentType("application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("outcome", "ATTENDED")).post("/appointments/" + appointmentId + "/attendance")
                .then().statusCode(200).body("status", equalTo("ATTENDED"));
    }

    /** The visit's review at the front desk: scores now, the red-flag screen asked again (all clear), the signs. */
    private static void review(String frontDesk, String caseId, int visit, ObjectNode scores, String power) {
        ObjectNode body = EventJson.mapper().createObjectNode().put("visit", visit);
        body.set("scores", scores);
        body.set("redFlags", ClinicFlows.exampleHistory().get("redFlags"));
        body.putObject("neurologicalChange").put("power", power).put("sensation", "UNCHANGED")
                .put("reflexes", "UNCHANGED");
        flows.as(frontDesk, "intake-service").contentType("application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(body.toString())
                .post("/cases/" + caseId + "/reviews").then().statusCode(201);
    }

    private static ObjectNode scores(int nrs, Integer odi, Integer rmdq) {
        ObjectNode scores = EventJson.mapper().createObjectNode().put("painNrs", nrs);
        if (odi != null) {
            scores.put("odi", odi);
        }
        if (rmdq != null) {
            scores.put("rmdq", rmdq);
        }
        return scores;
    }

    /** The case's {@code nth} event of this type, its envelope and contract checked. */
    private static JsonNode event(EventType type, String caseId, int nth) {
        List<ConsumerRecord<String, String>> records = topics.awaitMatching(type.topic(), r -> caseId.equals(r.key())
                && type.type().equals(header(r, CloudEventAttributes.TYPE)), nth, ClinicFlows.WAIT);
        ConsumerRecord<String, String> record = records.get(nth - 1);
        assertThat(header(record, CloudEventAttributes.SUBJECT)).isEqualTo(caseId);
        JsonNode data = ClinicFlows.json(record.value());
        assertThat(EventSchemas.violations(type, data)).isEmpty();
        assertThat(Set.of(data.get("siteId").asText())).containsExactly("site-north");
        return data;
    }
}
