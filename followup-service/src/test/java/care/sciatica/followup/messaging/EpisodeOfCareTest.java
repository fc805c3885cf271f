package care.sciatica.followup.messaging;

import care.sciatica.contracts.CloudEventAttributes;
import care.sciatica.contracts.EventJson;
import care.sciatica.contracts.EventSchemas;
import care.sciatica.contracts.EventType;
import care.sciatica.contracts.Topics;
import care.sciatica.followup.FollowUpTestResources;
import care.sciatica.followup.persistence.AppointmentRow;
import care.sciatica.followup.usecase.LapseEpisodes;
import care.sciatica.local.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static care.sciatica.followup.StoredAppointments.NORTH_THERAPIST;
import static care.sciatica.followup.StoredAppointments.at;
import static care.sciatica.followup.StoredAppointments.freshWednesday;
import static care.sciatica.followup.StoredAppointments.pastWednesday;
import static care.sciatica.followup.StoredAppointments.store;
import static care.sciatica.local.TopicReader.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * The episode of care over the real broker and database: the intake's baseline, an attended follow-up appointment
 * starting the next visit, each visit's review and session judged by the episode policy (seeds/followup), and the
 * episode's end — discharge, or a clinical lead when recovery is not moving.
 */
@QuarkusTest
@FollowUpTestResources
@TestSecurity(user = "desk.north", roles = {"front-desk", "clinical-lead"})
@OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
class EpisodeOfCareTest {

    private static final String PATIENT = "pt_7Q2M9X4K";

    private final TopicReader kafka = TopicReader.ofTestBroker();

    @Inject
    LapseEpisodes lapse;

    @Test
    void aCaseImprovesOverTwoFollowUpVisitsAndIsDischargedWithNothingMoreBooked() throws IOException {
        UUID caseId = UUID.randomUUID();
        send(EventType.HISTORY_RECORDED, history(caseId, 7, 40, 14));
        send(EventType.SESSION_COMPLETED, session(caseId, null));
        assertThat(typeOf(followUpEvents(caseId, 1).getLast())).isEqualTo(EventType.APPOINTMENT_SCHEDULED.type());

        AppointmentRow second = attended(caseId);
        JsonNode started = data(followUpEvents(caseId, 2).getLast(), EventType.VISIT_STARTED);
        assertThat(started.get("visit").asInt()).isEqualTo(2);
        assertThat(started.get("appointmentId").asText()).isEqualTo(second.id.toString());
        assertThat(started.get("patientRef").asText()).isEqualTo(PATIENT);

        send(EventType.VISIT_REVIEWED, review(caseId, 2, 4, 30, 9));
        send(EventType.SESSION_COMPLETED, session(caseId, 2));
        assertThat(typeOf(followUpEvents(caseId, 3).getLast())).isEqualTo(EventType.APPOINTMENT_SCHEDULED.type());

        attended(caseId);
        assertThat(data(followUpEvents(caseId, 4).getLast(), EventType.VISIT_STARTED).get("visit").asInt())
                .isEqualTo(3);
        // The session may be read before the review: the visit is decided once both are known.
        send(EventType.SESSION_COMPLETED, session(caseId, 3));
        send(EventType.VISIT_REVIEWED, review(caseId, 3, 1, null, 2));

        JsonNode discharged = data(followUpEvents(caseId, 5).getLast(), EventType.EPISODE_DISCHARGED);
        assertThat(discharged.get("visits").asInt()).isEqualTo(3);
        assertThat(discharged.get("policyVersion").asText()).isEqualTo("2026.12-1");
        assertThat(discharged.get("reasons").get(0).get("ruleId").asText()).isEqualTo("EPISODE_RECOVERED");
        assertThat(discharged.get("reasons").get(0).get("finding").asText()).isEqualTo("review.scores");
        assertThat(discharged.get("reasons").get(0).get("explanation").asText())
                .startsWith("visit 3: NRS 1 (baseline 7), RMDQ 2 (baseline 14). Kamper 2010");
        assertThat(discharged.get("baseline").toString()).isEqualTo("{\"painNrs\":7,\"odi\":40,\"rmdq\":14}");
        assertThat(discharged.get("latest").toString()).isEqualTo("{\"painNrs\":1,\"rmdq\":2}");

        given().get("/cases/" + caseId + "/episode").then().statusCode(200)
                .body("status", equalTo("DISCHARGED"))
                .body("flaggedForLead", equalTo(false))
                .body("policyVersion", equalTo("2026.12-1"))
                .body("baseline.painNrs", equalTo(7))
                .body("visits.visit", contains(1, 2, 3))
                .body("visits.scores.painNrs", contains(7, 4, 1))
                .body("visits.change.painNrs", contains(0, 3, 6))
                .body("visits.change.rmdq", contains(0, 5, 12))
                .body("visits[1].change.painNrsReachedMic", equalTo(true))
                .body("visits.micReached", contains(null, true, true))
                .body("visits.planVersion", contains(1, 1, 1))
                .body("visits[0].stepsDone", equalTo(stepsOf(session(caseId, 1))))
                .body("visits.decision", contains("SCHEDULE", "CONTINUE", "DISCHARGE"))
                .body("openTasks", hasSize(0));

        // A closed episode starts no further visit; the attendance itself is still recorded.
        attended(caseId);
        given().get("/cases/" + caseId + "/episode").then().body("visits", hasSize(3));
        assertThat(kafka.awaitKeyed(Topics.FOLLOWUP_EVENTS, caseId.toString(), 5)).hasSize(5);
    }

    @Test
    void aReviewWorseThanBaselineFlagsTheCaseForTheClinicalLeadAndStillBooksTheNextVisitFlagged() throws IOException {
        UUID caseId = worseThanBaselineAtVisitTwo();

        given().get("/cases/" + caseId + "/episode").then().statusCode(200)
                .body("status", equalTo("OPEN"))
                .body("flaggedForLead", equalTo(true))
                .body("visits[1].change.painNrs", equalTo(-2))
                .body("visits[1].micReached", equalTo(false))
                .body("visits[1].decision", equalTo("LEAD_REVIEW_WORSE_THAN_BASELINE"))
                .body("openTasks.kind", contains("CLINICAL_LEAD_REVIEW"))
                .body("openTasks.reason", contains("WORSE_THAN_BASELINE"));
        given().get("/cases/" + caseId + "/appointments").then().statusCode(200)
                .body("findAll { it.status == 'PROPOSED' }.flaggedForLead", containsInAnyOrder(false, true));
    }

    @Test
    void theClinicalLeadDecidesToContinueOnceAndTheFlagIsLifted() throws IOException {
        UUID caseId = worseThanBaselineAtVisitTwo();

        decide(caseId, "CONTINUE", "Flare after gardening; keep going").statusCode(200)
                .body("flaggedForLead", equalTo(false))
                .body("leadDecision", equalTo("CONTINUE"))
                .body("leadDecidedBy", equalTo("desk.north"))
                .body("status", equalTo("OPEN"))
                .body("openTasks", hasSize(0));

        decide(caseId, "CONTINUE", "again").statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://sciatica.care/problems/episode/no-lead-review"));
    }

    @Test
    void theClinicalLeadReferringClosesTheEpisodeAndTheReferralIsArranged() throws IOException {
        UUID caseId = worseThanBaselineAtVisitTwo();

        decide(caseId, "REFER", "Progressive leg pain: spinal opinion").statusCode(200)
                .body("status", equalTo("REFERRED"))
                .body("leadDecision", equalTo("REFER"))
                .body("openTasks.kind", contains("ARRANGE_REFERRAL"))
                .body("openTasks.reason", contains("REFERRAL_SOON"));
        decide(UUID.randomUUID(), "REFER", "unknown case").statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"decision\":\"REFER\"}").post("/cases/" + caseId + "/episode/lead-decisions")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void anEpisodeNeverHasTwoOpenVisits() throws IOException {
        UUID caseId = UUID.randomUUID();
        send(EventType.HISTORY_RECORDED, history(caseId, 6, 40, 12));
        send(EventType.SESSION_COMPLETED, session(caseId, null));
        followUpEvents(caseId, 1);
        attended(caseId);
        followUpEvents(caseId, 2);

        // Visit 2 has not been reviewed nor treated: attending another appointment starts no visit 3.
        attended(caseId);
        given().get("/cases/" + caseId + "/episode").then().statusCode(200)
                .body("visits.visit", contains(1, 2))
                .body("visits[1].session", nullValue());
        assertThat(kafka.awaitKeyed(Topics.FOLLOWUP_EVENTS, caseId.toString(), 2)).hasSize(2);
    }

    @Test
    void aPatientWhoMissedAnAppointmentAndDidNotRebookLapsesOnlyAfterThePolicysWindow() throws IOException {
        UUID stopped = UUID.randomUUID();
        UUID rebooked = UUID.randomUUID();
        for (UUID caseId : List.of(stopped, rebooked)) {
            send(EventType.HISTORY_RECORDED, history(caseId, 6, 40, 12));
            await().untilAsserted(() -> assertThat(episodeStatusCode(caseId)).isEqualTo(200));
            store(caseId, PATIENT, "site-north", NORTH_THERAPIST, at(pastWednesday(), "11:30"), "NO_SHOW");
        }
        store(rebooked, PATIENT, "site-north", NORTH_THERAPIST, at(freshWednesday(), "11:30"), "PROPOSED");

        lapse.sweep(Instant.now()).await().atMost(Duration.ofSeconds(30));

        given().get("/cases/" + stopped + "/episode").then().statusCode(200)
                .body("status", equalTo("LAPSED"))
                .body("policyVersion", equalTo("2026.12-1"));
        given().get("/cases/" + rebooked + "/episode").then().statusCode(200).body("status", equalTo("OPEN"));
    }

    @Test
    void anotherSitesEpisodeIsNotFound() throws IOException {
        UUID caseId = UUID.randomUUID();
        ObjectNode history = history(caseId, 6, 40, 12);
        history.put("siteId", "site-south");
        send(EventType.HISTORY_RECORDED, history);
        await().untilAsserted(() -> assertThat(episodeStatusCode(caseId)).isEqualTo(404));
        given().get("/cases/" + UUID.randomUUID() + "/episode").then().statusCode(404)
                .contentType("application/problem+json");
    }

    /** A case whose visit 2 scored worse than its baseline: a lead's review is open and the next visit booked. */
    private UUID worseThanBaselineAtVisitTwo() throws IOException {
        UUID caseId = UUID.randomUUID();
        send(EventType.HISTORY_RECORDED, history(caseId, 5, 30, null));
        send(EventType.SESSION_COMPLETED, session(caseId, null));
        followUpEvents(caseId, 1);
        attended(caseId);
        followUpEvents(caseId, 2);
        send(EventType.VISIT_REVIEWED, review(caseId, 2, 7, 36, null));
        send(EventType.SESSION_COMPLETED, session(caseId, 2));
        assertThat(typeOf(followUpEvents(caseId, 3).getLast())).isEqualTo(EventType.APPOINTMENT_SCHEDULED.type());
        return caseId;
    }

    private static ValidatableResponse decide(UUID caseId, String decision, String reason) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("decision", decision, "reason", reason))
                .post("/cases/" + caseId + "/episode/lead-decisions").then();
    }

    private static int episodeStatusCode(UUID caseId) {
        return given().get("/cases/" + caseId + "/episode").then().extract().statusCode();
    }

    private static List<String> stepsOf(ObjectNode session) {
        List<String> steps = new ArrayList<>();
        session.get("stepsPerformed").forEach(step -> steps.add(step.asText()));
        assertThat(steps).isNotEmpty();
        return steps;
    }

    /** A long-past appointment of the case, recorded as attended by the front desk. */
    private static AppointmentRow attended(UUID caseId) {
        AppointmentRow row = store(caseId, PATIENT, "site-north", NORTH_THERAPIST, at(pastWednesday(), "10:30"),
                "CONFIRMED");
        given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"outcome\":\"ATTENDED\"}")
                .post("/appointments/" + row.id + "/attendance").then().statusCode(200);
        return row;
    }

    private List<ConsumerRecord<String, String>> followUpEvents(UUID caseId, int count) {
        return kafka.awaitKeyed(Topics.FOLLOWUP_EVENTS, caseId.toString(), count);
    }

    private void send(EventType type, ObjectNode data) {
        assertThat(EventSchemas.violations(type, data)).isEmpty();
        kafka.send(TopicReader.cloudEvent(type, data.get("caseId").asText(), data.get("siteId").asText(),
                UUID.randomUUID().toString(), data.toString()));
    }

    private static String typeOf(ConsumerRecord<String, String> record) {
        return header(record, CloudEventAttributes.TYPE);
    }

    private static JsonNode data(ConsumerRecord<String, String> record, EventType type) throws IOException {
        assertThat(typeOf(record)).isEqualTo(type.type());
        JsonNode data = EventJson.mapper().readTree(record.value());
        assertThat(EventSchemas.violations(type, data)).isEmpty();
        return data;
    }

    private static ObjectNode history(UUID caseId, int nrs, Integer odi, Integer rmdq) throws IOException {
        ObjectNode data = example(EventType.HISTORY_RECORDED);
        data.put("caseId", caseId.toString());
        data.put("siteId", "site-north");
        data.put("patientRef", PATIENT);
        ((ObjectNode) data.get("history")).set("baselineOutcomes", scores(nrs, odi, rmdq));
        return data;
    }

    private static ObjectNode review(UUID caseId, int visit, int nrs, Integer odi, Integer rmdq) throws IOException {
        ObjectNode data = example(EventType.VISIT_REVIEWED);
        data.put("caseId", caseId.toString());
        data.put("siteId", "site-north");
        data.put("patientRef", PATIENT);
        data.put("visit", visit);
        data.put("occurredAt", Instant.now().toString());
        ((ObjectNode) data.get("review")).set("scores", scores(nrs, odi, rmdq));
        return data;
    }

    private static ObjectNode session(UUID caseId, Integer visit) throws IOException {
        ObjectNode data = example(EventType.SESSION_COMPLETED);
        data.put("caseId", caseId.toString());
        data.put("siteId", "site-north");
        data.put("patientRef", PATIENT);
        data.put("sessionId", UUID.randomUUID().toString());
        data.put("completedAt", Instant.now().toString());
        if (visit == null) {
            data.remove("visit");
        } else {
            data.put("visit", visit);
        }
        return data;
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

    private static ObjectNode example(EventType type) throws IOException {
        try (InputStream in = EpisodeOfCareTest.class.getClassLoader().getResourceAsStream(type.exampleResource())) {
            return (ObjectNode) EventJson.mapper().readTree(in);
        }
    }
}
