package care.sciatica.intake.api;

import care.sciatica.contracts.CloudEventAttributes;
import care.sciatica.contracts.EventJson;
import care.sciatica.contracts.EventSchemas;
import care.sciatica.contracts.EventType;
import care.sciatica.contracts.Topics;
import care.sciatica.intake.Fixtures;
import care.sciatica.intake.IntakeTestResources;
import care.sciatica.local.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static care.sciatica.intake.Calls.post;
import static care.sciatica.local.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads the real topic: the history events carry every clinical field of the catalogue's history schema, exactly as
 * recorded (the assessment needs each of them), and nothing that identifies the patient.
 */
@QuarkusTest
@IntakeTestResources
@TestSecurity(user = "frontdesk.north", roles = "front-desk")
@OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
class HistoryEventContentTest {

    private static final String BIRTH_DATE = "1957-11-02";
    private static final Set<String> IDENTITY_FIELDS = Set.of(
            "givenName", "familyName", "name", "birthDate", "dateOfBirth", "phone", "email", "address");

    private final TopicReader kafka = TopicReader.ofTestBroker();

    @Test
    void theRecordedAndAmendedEventsCarryEveryClinicalFieldAndNoPersonalData() throws IOException {
        ObjectNode request = Fixtures.intake("site-north");
        request.set("patient", ((ObjectNode) Fixtures.patient("Ottoline", "Quenby")).put("birthDate", BIRTH_DATE)
                .put("phone", "07700 900587"));
        request.set("history", Fixtures.fullHistory());
        Map<?, ?> recorded = post("/intakes", request).statusCode(201).extract().as(Map.class);
        String caseId = (String) recorded.get("caseId");

        JsonNode first = data(awaitEvent(EventType.HISTORY_RECORDED, caseId));
        assertThat(first.get("historyVersion").asInt()).isEqualTo(1);
        assertThat(first.get("patientRef").asText()).isEqualTo(recorded.get("patientRef"));
        assertThat(first.get("siteId").asText()).isEqualTo("site-north");
        assertThat(first.get("ageYears").asInt()).isEqualTo(age());
        assertThat(first.get("externalRefs")).isEqualTo(request.get("externalRefs"));
        assertCarriesEveryClinicalField(first, request.get("history"));

        post("/cases/" + caseId + "/external-refs", "{\"system\":\"cliniq\",\"patientId\":\"C-4410\"}")
                .statusCode(200);
        ObjectNode amended = Fixtures.fullHistory();
        Fixtures.at(amended, "/pain").put("nrsNow", 4);
        Fixtures.at(amended, "/redFlags").put("ivDrugUse", "NO");
        Fixtures.at(amended, "/examination/laslett").put("gaenslen", "NEGATIVE");
        post("/cases/" + caseId + "/history/amendments", Fixtures.amendment(1, "NEW_FINDINGS", amended))
                .statusCode(201);

        JsonNode second = data(awaitEvent(EventType.HISTORY_AMENDED, caseId));
        assertThat(second.get("historyVersion").asInt()).isEqualTo(2);
        assertThat(second.get("supersedesVersion").asInt()).isEqualTo(1);
        assertThat(second.get("amendmentReason").asText()).isEqualTo("NEW_FINDINGS");
        assertThat(second.get("ageYears").asInt()).isEqualTo(age());
        assertThat(second.get("externalRefs").findValuesAsText("system")).containsExactly("bookwise", "cliniq");
        assertCarriesEveryClinicalField(second, amended);
    }

    /** Waits for the case's event of this type and checks its envelope, its contract and that it names no one. */
    private ConsumerRecord<String, String> awaitEvent(EventType type, String caseId) throws IOException {
        ConsumerRecord<String, String> event = kafka.awaitMatching(Topics.INTAKE_EVENTS,
                record -> caseId.equals(record.key()) && type.type().equals(header(record, CloudEventAttributes.TYPE)),
                1, Duration.ofSeconds(30)).getFirst();
        assertThat(header(event, CloudEventAttributes.SUBJECT)).isEqualTo(caseId);
        assertThat(header(event, CloudEventAttributes.SOURCE)).isEqualTo("/sites/site-north/intake-service");
        JsonNode data = data(event);
        assertThat(EventSchemas.violations(type, data)).isEmpty();
        assertThat(data.get("caseId").asText()).isEqualTo(caseId);

        List<String> everything = new ArrayList<>(List.of(event.value()));
        for (Header header : event.headers()) {
            everything.add(new String(header.value(), StandardCharsets.UTF_8));
        }
        assertThat(everything).allSatisfy(text -> assertThat(text)
                .doesNotContain("Ottoline", "Quenby", BIRTH_DATE, "1957", "07700", "900587", "example.org"));
        assertThat(fieldNames(data)).doesNotContainAnyElementsOf(IDENTITY_FIELDS);
        return event;
    }

    /** Every leaf field the history schema defines is in the event, with the value that was recorded. */
    private static void assertCarriesEveryClinicalField(JsonNode data, JsonNode sent) {
        List<String> fields = leaves(EventSchemas.schema(EventSchemas.HISTORY_SCHEMA_ID).getSchemaNode(), "");
        assertThat(fields).hasSizeGreaterThan(60)
                .contains("/redFlags/saddleNumbness", "/examination/laslett/gaenslen",
                        "/surgery/hipReplacement/approach", "/examination/myotomalPower/bigToeExtensionL5",
                        "/observation/sitToStand", "/baselineOutcomes/rmdq");
        for (String field : fields) {
            JsonNode carried = data.at("/history" + field);
            assertThat(carried.isMissingNode()).as("the event carries %s", field).isFalse();
            assertThat(carried).as(field).isEqualTo(sent.at(field));
        }
        assertThat(data.get("history")).isEqualTo(sent);
    }

    /** The JSON pointers of the schema's leaf properties: an object with its own properties is descended into. */
    private static List<String> leaves(JsonNode schema, String prefix) {
        List<String> leaves = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            String pointer = prefix + "/" + property.getKey();
            if (property.getValue().has("properties")) {
                leaves.addAll(leaves(property.getValue(), pointer));
            } else {
                leaves.add(pointer);
            }
        }
        return leaves;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fields().forEachRemaining(field -> {
            names.add(field.getKey());
            names.addAll(fieldNames(field.getValue()));
        });
        node.elements().forEachRemaining(element -> {
            if (node.isArray()) {
                names.addAll(fieldNames(element));
            }
        });
        return names;
    }

    private static JsonNode data(ConsumerRecord<String, String> event) throws IOException {
        return EventJson.mapper().readTree(event.value());
    }

    private static int age() {
        return Period.between(LocalDate.parse(BIRTH_DATE), LocalDate.now(ZoneId.of("Europe/London"))).getYears();
    }
}
