package care.sciatica.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ValidationMessage;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every example validates against its schema, and broken copies of it do not. */
class SchemaValidationTest {

    private static final Pattern CODE = Pattern.compile("^[A-Z][A-Z0-9_]+$");
    private static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaIsAValidDraft202012SchemaWithTheCatalogueId(EventType type) {
        JsonNode schema = ContractResources.json(type.schemaResource());
        assertEquals(type.schemaId(), schema.path("$id").asText());
        assertEquals(META_SCHEMA, schema.path("$schema").asText());
        assertEquals(Set.of(), ContractResources.schema(META_SCHEMA).validate(schema));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void exampleIsValid(EventType type) {
        assertEquals(Set.of(), ContractResources.validate(type, example(type)));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void exampleWithoutARequiredFieldIsInvalid(EventType type) {
        JsonNode required = ContractResources.json(type.schemaResource()).get("required");
        assertTrue(required.size() > 0);
        for (JsonNode field : required) {
            ObjectNode broken = example(type);
            broken.remove(field.asText());
            assertInvalid(type, broken, "without " + field.asText());
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void exampleWithAnUnknownCodeIsInvalid(EventType type) {
        ObjectNode broken = example(type);
        ObjectNode holder = firstCodeHolder(broken);
        if (holder == null) {
            // Only a type whose own schema names no code at all may have an example without one.
            assertFalse(ContractResources.json(type.schemaResource()).toString().contains("\"enum\""),
                    "the example has no enum value to break");
            return;
        }
        String field = holder.properties().stream()
                .filter(e -> isCode(e.getKey(), e.getValue()))
                .findFirst().orElseThrow().getKey();
        holder.put(field, "NOT_A_CODE");
        assertInvalid(type, broken, "with an unknown code in " + field);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void exampleWithAMalformedIdOrTimeOrAnExtraFieldIsInvalid(EventType type) {
        assertInvalid(type, example(type).put("caseId", "case-42"), "with a non-UUID caseId");
        assertInvalid(type, example(type).put("occurredAt", "2026-03-02 09:41"), "with a non RFC 3339 time");
        assertInvalid(type, example(type).put("patientRef", "Jane Doe"), "with a name as patientRef");
        assertInvalid(type, example(type).put("patientName", "Jane Doe"), "with an extra field");
    }

    @Test
    void noMoreThanTwoIceCubesAtOnce() {
        ObjectNode plan = example(EventType.PLAN_ISSUED);
        ((ObjectNode) plan.at("/steps/2/parameters")).put("maxIceCubes", 2);
        assertEquals(Set.of(), ContractResources.validate(EventType.PLAN_ISSUED, plan));
        ((ObjectNode) plan.at("/steps/2/parameters")).put("maxIceCubes", 3);
        assertInvalid(EventType.PLAN_ISSUED, plan, "with three ice cubes planned");

        ObjectNode step = example(EventType.STEP_PERFORMED);
        ((ObjectNode) step.get("parameters")).put("iceCubesAtOnce", 3);
        assertInvalid(EventType.STEP_PERFORMED, step, "with three ice cubes applied");
    }

    @Test
    void anExcludedOrModifiedStepNeedsAReason() {
        ObjectNode plan = example(EventType.PLAN_ISSUED);
        assertEquals("EXCLUDED", plan.at("/steps/2/status").asText());
        ((ObjectNode) plan.at("/steps/2")).putArray("reasons");
        assertInvalid(EventType.PLAN_ISSUED, plan, "with an excluded step without reasons");

        ObjectNode modified = example(EventType.PLAN_ISSUED);
        ((ObjectNode) modified.at("/steps/0")).put("status", "MODIFIED");
        assertInvalid(EventType.PLAN_ISSUED, modified, "with a modified step without reasons");
    }

    @Test
    void onlyALumbarOriginHasANerveRootLevel() {
        ObjectNode plan = example(EventType.PLAN_ISSUED);
        ((ObjectNode) plan.at("/origin/likelihoods/1")).put("level", "S1");
        assertInvalid(EventType.PLAN_ISSUED, plan, "with a level on a sacroiliac likelihood");
    }

    @Test
    void aDeviationReasonGoesWithAModifiedOrSkippedStepOnly() {
        ObjectNode withoutReason = example(EventType.STEP_PERFORMED);
        withoutReason.remove("deviationReason");
        assertInvalid(EventType.STEP_PERFORMED, withoutReason, "modified without a deviation reason");

        ObjectNode performedWithReason = example(EventType.STEP_PERFORMED).put("outcome", "PERFORMED");
        assertInvalid(EventType.STEP_PERFORMED, performedWithReason, "performed with a deviation reason");
    }

    @Test
    void clinicalScoresStayInTheirRanges() {
        Map<String, Integer> outOfRange = Map.of(
                "/history/pain/nrsNow", 11,
                "/history/pain/nrsWorst", -1,
                "/history/examination/myotomalPower/bigToeExtensionL5", 6,
                "/history/examination/straightLegRaise/angleDegrees", 91,
                "/history/baselineOutcomes/odi", 101,
                "/history/baselineOutcomes/rmdq", 25);
        outOfRange.forEach((pointer, value) -> {
            ObjectNode broken = example(EventType.HISTORY_RECORDED);
            int slash = pointer.lastIndexOf('/');
            ((ObjectNode) broken.at(pointer.substring(0, slash))).put(pointer.substring(slash + 1), value);
            assertInvalid(EventType.HISTORY_RECORDED, broken, "with " + pointer + " = " + value);
        });
    }

    @Test
    void aReferralNeedsAtLeastOneReasonAndARedFlagMustBeAnswered() {
        ObjectNode referral = example(EventType.REFERRAL_REQUIRED);
        referral.putArray("reasons");
        assertInvalid(EventType.REFERRAL_REQUIRED, referral, "without reasons");

        ObjectNode history = example(EventType.HISTORY_RECORDED);
        ((ObjectNode) history.at("/history/redFlags")).remove("saddleNumbness");
        assertInvalid(EventType.HISTORY_RECORDED, history, "with an unanswered red flag");
    }

    private static ObjectNode example(EventType type) {
        return (ObjectNode) ContractResources.json(type.exampleResource());
    }

    private static void assertInvalid(EventType type, JsonNode data, String what) {
        Set<ValidationMessage> errors = ContractResources.validate(type, data);
        assertFalse(errors.isEmpty(), type.type() + " example " + what + " should be invalid");
    }

    /** Depth-first, the first object holding an enum code (rule ids are codes too, but free-form ones). */
    private static ObjectNode firstCodeHolder(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> e : object.properties()) {
                if (isCode(e.getKey(), e.getValue())) {
                    return object;
                }
            }
        }
        for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
            ObjectNode found = firstCodeHolder(it.next());
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static boolean isCode(String field, JsonNode value) {
        return value.isTextual() && !field.equals("ruleId") && CODE.matcher(value.asText()).matches();
    }
}
