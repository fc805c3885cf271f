package care.sciatica.session.api;

import care.sciatica.contracts.CloudEventAttributes;
import care.sciatica.contracts.EventType;
import care.sciatica.contracts.Topics;
import care.sciatica.local.ScrapedMetrics;
import care.sciatica.local.TopicReader;
import care.sciatica.session.SessionTestResources;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static care.sciatica.local.TopicReader.header;
import static care.sciatica.session.api.SessionApi.lumbarPlan;
import static care.sciatica.session.api.SessionApi.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@SessionTestResources
@TestSecurity(user = "therapist.north", roles = "therapist")
@OidcSecurity(claims = {
        @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY),
        @Claim(key = "staff_ref", value = "st_8H3L5V2P")})
class SessionMetricsTest {

    private static final String GIVEN = "sciatica_consent_total{decision=\"given\",site=\"site-north\"}";
    private static final String PLAN_TO_SESSION =
            "sciatica_flow_seconds_count{from=\"plan\",site=\"site-north\",to=\"session\"}";
    private static final String PAIN = "sciatica_pain_score";
    private static final String FLOW_START = "2026-01-05T08:30:00Z";

    private final TopicReader kafka = TopicReader.ofTestBroker();

    @Test
    void aConsentIsCountedOnceTheRefusedRepeatIsNotAndTheFlowStartTravelsOn() {
        String caseId = planReadyWithFlowStart(lumbarPlan());
        String before = metrics();

        String sessionId = SessionApi.consented(caseId);
        post(sessionId, "consent", Map.of("decision", "GIVEN", "method", "VERBAL")).statusCode(409);

        String after = metrics();
        assertThat(value(after, GIVEN)).isEqualTo(value(before, GIVEN) + 1);
        assertThat(value(after, PLAN_TO_SESSION)).isEqualTo(value(before, PLAN_TO_SESSION) + 1);
        var consent = kafka.awaitMatching(Topics.SESSION_EVENTS, record -> caseId.equals(record.key())
                && EventType.CONSENT_RECORDED.type().equals(header(record, CloudEventAttributes.TYPE)),
                1, java.time.Duration.ofSeconds(30)).getFirst();
        assertThat(header(consent, "ce_flowstart")).startsWith("2026-01-05T08:30");
    }

    @Test
    void painBeforeAndAfterAreSummedAndEachSessionIsCountedByTheWayItsPainWent() {
        String better = SessionApi.consented(planReadyWithFlowStart(lumbarPlan()));
        String worse = SessionApi.consented(planReadyWithFlowStart(lumbarPlan()));
        String before = metrics();

        endEarlyWithPainAfter(better, 3);
        endEarlyWithPainAfter(worse, 8);

        String after = metrics();
        assertThat(increase(before, after, PAIN + "_count{moment=\"before\",site=\"site-north\"}")).isEqualTo(2);
        assertThat(increase(before, after, PAIN + "_sum{moment=\"before\",site=\"site-north\"}")).isEqualTo(6 + 6);
        assertThat(increase(before, after, PAIN + "_count{moment=\"after\",site=\"site-north\"}")).isEqualTo(2);
        assertThat(increase(before, after, PAIN + "_sum{moment=\"after\",site=\"site-north\"}")).isEqualTo(3 + 8);
        assertThat(increase(before, after, "sciatica_pain_change_total{direction=\"better\",site=\"site-north\"}"))
                .isEqualTo(1);
        assertThat(increase(before, after, "sciatica_pain_change_total{direction=\"worse\",site=\"site-north\"}"))
                .isEqualTo(1);
        assertThat(increase(before, after,
                "sciatica_pain_change_total{direction=\"unchanged\",site=\"site-north\"}")).isZero();
    }

    /** One step performed, pain scored after it (the consented session scored 6 before), then ended early. */
    private static void endEarlyWithPainAfter(String sessionId, int painAfter) {
        SessionApi.step(sessionId, "PALPATION", Map.of("sites", List.of("LEFT_GLUTEAL"))).statusCode(200);
        post(sessionId, "pain-after", Map.of("nrs", painAfter)).statusCode(200);
        post(sessionId, "early-end", Map.of("reason", "PATIENT_UNWELL")).statusCode(200);
    }

    private String planReadyWithFlowStart(ObjectNode plan) {
        String caseId = plan.get("caseId").asText();
        ProducerRecord<String, String> record = TopicReader.cloudEvent(EventType.PLAN_ISSUED, caseId,
                plan.get("siteId").asText(), UUID.randomUUID().toString(), plan.toString());
        record.headers().add("ce_flowstart", FLOW_START.getBytes(StandardCharsets.UTF_8));
        kafka.send(record);
        await().untilAsserted(() -> given().get("/worklist?siteId=site-north").then().statusCode(200)
                .body("findAll { it.caseId == '" + caseId + "' }.planVersion",
                        hasItem(plan.get("planVersion").asInt())));
        return caseId;
    }

    private static String metrics() {
        return given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double increase(String before, String after, String series) {
        return value(after, series) - value(before, series);
    }

    private static double value(String text, String series) {
        return new ScrapedMetrics(text).value(series);
    }
}
