package care.sciatica.intake.api;

import care.sciatica.contracts.CloudEventAttributes;
import care.sciatica.contracts.EventJson;
import care.sciatica.contracts.EventSchemas;
import care.sciatica.contracts.EventType;
import care.sciatica.contracts.Topics;
import care.sciatica.intake.Calls;
import care.sciatica.intake.Fixtures;
import care.sciatica.intake.IntakeTestResources;
import care.sciatica.intake.Visits;
import care.sciatica.local.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static care.sciatica.intake.Calls.get;
import static care.sciatica.intake.Calls.post;
import static care.sciatica.local.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * The episode of care at intake: follow-up's visit-started event (read from the real topic) opens the case's visit,
 * its review is a new history version announced by a visit-reviewed event, and every wrong review is refused.
 */
@QuarkusTest
@IntakeTestResources
@TestSecurity(user = "frontdesk.north", roles = "front-desk")
@OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
class VisitReviewTest {

    private final TopicReader kafka = TopicReader.ofTestBroker();

    @Inject
    Pool pool;

    @Test
    void aStartedVisitIsReviewedAsANewHistoryVersionAndAnnouncedWithEveryField() {
        ObjectNode recorded = Fixtures.fullHistory();
        String caseId = Calls.recordedCase("site-north", recorded);
        post("/cases/" + caseId + "/external-refs", "{\"system\":\"bookwise\",\"patientId\":\"884213\"}")
                .statusCode(200);
        String appointmentId = Visits.start(kafka, caseId, 2);
        get("/cases/" + caseId).statusCode(200)
                .body("visits", hasSize(1))
                .body("visits[0].visit", equalTo(2))
                .body("visits[0].appointmentId", equalTo(appointmentId))
                .body("visits[0].reviewedHistoryVersion", nullValue());

        ObjectNode review = Fixtures.review(2, 2);
        ObjectNode observation = review.putObject("observation").put("gait", "NORMAL").put("sitToStand", "NORMAL")
                .put("sittingTolerance", "NORMAL");
        observation.putArray("posture").add("UPRIGHT");
        ExtractableResponse<Response> answer = post("/cases/" + caseId + "/reviews", review).statusCode(201)
                .body("caseId", equalTo(caseId))
                .body("visit", equalTo(2))
                .body("historyVersion", equalTo(2))
                .body("supersedesVersion", equalTo(1))
                .extract();
        assertThat(answer.header("Location")).endsWith("/cases/" + caseId);
        Instant recordedAt = Instant.parse(answer.path("recordedAt"));

        ObjectNode expected = recorded.deepCopy();
        Fixtures.at(expected, "/pain").put("nrsNow", 2);
        expected.set("redFlags", review.get("redFlags"));
        expected.set("observation", observation);
        JsonNode event = awaitReviewed(caseId, 1).getFirst();
        assertThat(event.get("caseId").asText()).isEqualTo(caseId);
        assertThat(event.get("siteId").asText()).isEqualTo("site-north");
        assertThat(event.get("patientRef").asText()).isEqualTo(get("/cases/" + caseId).extract().path("patientRef"));
        assertThat(Instant.parse(event.get("occurredAt").asText())).isEqualTo(recordedAt);
        assertThat(event.get("visit").asInt()).isEqualTo(2);
        assertThat(event.get("historyVersion").asInt()).isEqualTo(2);
        assertThat(event.get("supersedesVersion").asInt()).isEqualTo(1);
        assertThat(event.get("externalRefs").findValuesAsText("patientId")).containsExactly("884213");
        assertThat(event.get("ageYears").asInt())
                .isEqualTo(Period.between(LocalDate.parse("1981-06-14"), LocalDate.now()).getYears());
        assertThat(event.at("/review/scores")).isEqualTo(review.get("scores"));
        assertThat(event.at("/review/neurologicalChange")).isEqualTo(review.get("neurologicalChange"));
        assertThat(event.get("history")).isEqualTo(expected);
        assertThat(event.at("/history/pain/nrsNow").asInt()).isEqualTo(2);
        assertThat(event.at("/history/redFlags/majorTrauma").asText()).isEqualTo("YES");
        assertThat(event.at("/history/baselineOutcomes")).isEqualTo(recorded.get("baselineOutcomes"));
        assertThat(event.toString()).doesNotContain("Ines", "Farrow", "1981-06-14", "07700", "example.org");

        get("/cases/" + caseId).statusCode(200)
                .body("visits[0].reviewedHistoryVersion", equalTo(2))
                .body("historyVersions", hasSize(2))
                .body("historyVersions[0].kind", equalTo("INTAKE"))
                .body("historyVersions[0].visit", nullValue())
                .body("historyVersions[1].kind", equalTo("FOLLOW_UP_REVIEW"))
                .body("historyVersions[1].visit", equalTo(2))
                .body("historyVersions[1].supersedesVersion", equalTo(1))
                .body("historyVersions[1].amendmentReason", nullValue())
                .body("historyVersions[1].history.pain.nrsNow", equalTo(2))
                .body("historyVersions[1].history.baselineOutcomes.painNrs", equalTo(6));
        assertThat(audited(caseId)).contains("visit.reviewed");
    }

    @Test
    void withoutAnObservationThePreviousOneStaysAndTheNextVisitFollowsTheReview() {
        ObjectNode recorded = Fixtures.history();
        String caseId = Calls.recordedCase("site-north", recorded);
        Visits.start(kafka, caseId, 2);
        post("/cases/" + caseId + "/reviews", Fixtures.review(2, 5)).statusCode(201);
        String third = Visits.start(kafka, caseId, 3);
        get("/cases/" + caseId).statusCode(200).body("visits[1].appointmentId", equalTo(third));

        post("/cases/" + caseId + "/reviews", Fixtures.review(3, 1)).statusCode(201)
                .body("historyVersion", equalTo(3))
                .body("supersedesVersion", equalTo(2));

        List<JsonNode> events = awaitReviewed(caseId, 2);
        assertThat(events).extracting(event -> event.get("visit").asInt()).containsExactly(2, 3);
        assertThat(events.get(1).at("/history/observation")).isEqualTo(recorded.get("observation"));
        assertThat(events.get(1).at("/history/pain/nrsNow").asInt()).isEqualTo(1);
        assertThat(events.get(1).at("/history/pain/nrsWorst")).isEqualTo(recorded.at("/pain/nrsWorst"));
    }

    @Test
    void aReviewOfAVisitThatIsNotOpenIsRefusedNamingTheOpenVisit() {
        String caseId = Calls.recordedCase("site-north", Fixtures.history());
        Map<String, Long> before = Fixtures.rows(pool);
        post("/cases/" + caseId + "/reviews", Fixtures.review(2, 3)).statusCode(409)
                .contentType("application/problem+json")
                .body("type", containsString("visit-not-open"))
                .body("detail", containsString("no open visit"));
        assertThat(Fixtures.rows(pool)).isEqualTo(before);

        Visits.start(kafka, caseId, 2);
        post("/cases/" + caseId + "/reviews", Fixtures.review(3, 3)).statusCode(409)
                .body("type", containsString("visit-not-open"))
                .body("detail", containsString("visit 2 is the open visit"));

        post("/cases/" + caseId + "/reviews", Fixtures.review(2, 3)).statusCode(201);
        post("/cases/" + caseId + "/reviews", Fixtures.review(2, 4)).statusCode(409)
                .body("type", containsString("visit-already-reviewed"));
        get("/cases/" + caseId).statusCode(200).body("historyVersions", hasSize(2));
    }

    @Test
    void aCaseWithoutAHistoryCannotBeReviewed() {
        String caseId = Calls.openCase("site-north", "Tamsin", "Rowe");
        Visits.start(kafka, caseId, 2);

        post("/cases/" + caseId + "/reviews", Fixtures.review(2, 3)).statusCode(409)
                .body("type", containsString("history-not-recorded"));
    }

    @Test
    void anotherSitesCaseIsUnknown() {
        String otherSite = Fixtures.caseAt(pool, "site-south", "HISTORY_RECORDED");

        post("/cases/" + otherSite + "/reviews", Fixtures.review(2, 3)).statusCode(404)
                .contentType("application/problem+json");
        post("/cases/" + UUID.randomUUID() + "/reviews", Fixtures.review(2, 3)).statusCode(404);
    }

    @Test
    @TestSecurity(user = "lead.north", roles = "clinical-lead")
    @OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
    void aClinicalLeadDoesNotReview() {
        String caseId = Fixtures.caseAt(pool, "site-north", "HISTORY_RECORDED");

        post("/cases/" + caseId + "/reviews", Fixtures.review(2, 3)).statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void aMalformedReviewIsRefusedNamingTheFieldAndNothingIsStored() {
        String caseId = Calls.recordedCase("site-north", Fixtures.history());
        Visits.start(kafka, caseId, 2);
        Map<String, Long> before = Fixtures.rows(pool);

        refused(caseId, Fixtures.review(2, 6.5), "scores.painNrs", "a number");
        refused(caseId, Fixtures.review(2, 11), "scores.painNrs", "must be at most 10");
        refused(caseId, Fixtures.review(2, 3).put("notes", "better"), "notes", "unknown field");
        ObjectNode missingAnswer = Fixtures.review(2, 3);
        ((ObjectNode) missingAnswer.get("redFlags")).remove("saddleNumbness");
        refused(caseId, missingAnswer, "redFlags.saddleNumbness",
                "is required: every red-flag question is answered YES, NO or NOT_ASKED");
        ObjectNode noScreen = Fixtures.review(2, 3);
        noScreen.remove("redFlags");
        refused(caseId, noScreen, "redFlags", "is required");
        ObjectNode maybe = Fixtures.review(2, 3);
        ((ObjectNode) maybe.get("redFlags")).put("ivDrugUse", "MAYBE");
        refused(caseId, maybe, "redFlags.ivDrugUse", "unknown value 'MAYBE'; allowed: YES, NO, NOT_ASKED");
        ObjectNode sign = Fixtures.review(2, 3);
        ((ObjectNode) sign.get("neurologicalChange")).put("power", "BETTER");
        refused(caseId, sign, "neurologicalChange.power", "unknown value 'BETTER'");
        ObjectNode noSign = Fixtures.review(2, 3);
        ((ObjectNode) noSign.get("neurologicalChange")).remove("reflexes");
        refused(caseId, noSign, "neurologicalChange.reflexes", "is required");
        ObjectNode gait = Fixtures.review(2, 3);
        gait.putObject("observation").put("gait", "HOPPING");
        refused(caseId, gait, "observation.gait", "unknown value 'HOPPING'");
        refused(caseId, Fixtures.review(1, 3), "visit", "must be at least 2");
        refused(caseId, Fixtures.review(2, 3).put("visit", "two"), "visit", "a number");

        assertThat(Fixtures.rows(pool)).isEqualTo(before);
    }

    @Test
    void aReviewRepeatedWithItsKeyAnswersTheSameAndIsAnnouncedOnce() {
        String caseId = Calls.recordedCase("site-north", Fixtures.history());
        Visits.start(kafka, caseId, 2);
        String key = UUID.randomUUID().toString();

        ExtractableResponse<Response> first = post("/cases/" + caseId + "/reviews", Fixtures.review(2, 4), key)
                .statusCode(201).extract();
        Map<String, Long> before = Fixtures.rows(pool);
        ExtractableResponse<Response> second = post("/cases/" + caseId + "/reviews", Fixtures.review(2, 4), key)
                .statusCode(201).extract();

        assertThat(second.asString()).isEqualTo(first.asString());
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(Fixtures.rows(pool)).isEqualTo(before);
        assertThat(awaitReviewed(caseId, 1)).hasSize(1);
        post("/cases/" + caseId + "/reviews", Fixtures.review(2, 5), key).statusCode(409);
    }

    /** The case's visit-reviewed events on the real topic, checked against the catalogue's schema, oldest first. */
    private List<JsonNode> awaitReviewed(String caseId, int expected) {
        return kafka.awaitMatching(Topics.INTAKE_EVENTS, record -> caseId.equals(record.key())
                                && EventType.VISIT_REVIEWED.type().equals(header(record, CloudEventAttributes.TYPE)),
                        expected, Duration.ofSeconds(30)).stream()
                .peek(record -> assertThat(header(record, CloudEventAttributes.SUBJECT)).isEqualTo(caseId))
                .map(record -> {
                    try {
                        return EventJson.mapper().readTree(record.value());
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .peek(data -> assertThat(EventSchemas.violations(EventType.VISIT_REVIEWED, data)).isEmpty())
                .toList();
    }

    private void refused(String caseId, ObjectNode review, String field, String reason) {
        JsonNode problem = readTree(post("/cases/" + caseId + "/reviews", review).statusCode(400)
                .contentType("application/problem+json").extract().asString());
        assertThat(problem.path("errors").findValuesAsText("field")).as(problem.toString()).contains(field);
        for (JsonNode error : problem.path("errors")) {
            if (error.path("field").asText().equals(field)) {
                assertThat(error.path("reason").asText()).as(problem.toString()).contains(reason);
            }
        }
    }

    private static JsonNode readTree(String json) {
        try {
            return EventJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String audited(String caseId) {
        StringBuilder actions = new StringBuilder();
        pool.preparedQuery("SELECT action FROM audit_entry WHERE case_id = $1 ORDER BY id")
                .execute(Tuple.of(UUID.fromString(caseId))).await().indefinitely()
                .forEach(row -> actions.append(row.getString(0)).append(' '));
        return actions.toString();
    }
}
