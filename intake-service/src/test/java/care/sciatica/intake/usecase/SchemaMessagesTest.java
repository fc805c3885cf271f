package care.sciatica.intake.usecase;

import care.sciatica.contracts.EventJson;
import care.sciatica.contracts.EventSchemas;
import care.sciatica.intake.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The validator's words, reworded so that a front-desk person knows what to type instead. */
class SchemaMessagesTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            /pain/side                    | "MIDDLE"   | pain.side                    | unknown value 'MIDDLE'; allowed: LEFT, RIGHT, BOTH
            /pain/distribution            | ["KNEE"]   | pain.distribution[0]         | unknown value 'KNEE'; allowed: BACK, BUTTOCK, THIGH, BELOW_KNEE, FOOT
            /pain/distribution            | []         | pain.distribution            | must list at least 1 value
            /pain/nrsNow                  | 11         | pain.nrsNow                  | must be at most 10; got 11
            /pain/nrsNow                  | -3         | pain.nrsNow                  | must be at least 0; got -3
            /pain/nrsNow                  | "6"        | pain.nrsNow                  | expected a whole number; got '6'
            /pain/nightPain               | null       | pain.nightPain               | expected true or false; got null
            /pain/easingFactors           | ["LYING", "LYING"] | pain.easingFactors   | lists the same value more than once
            /onset/beganOn                | "20/02/2026" | onset.beganOn              | '20/02/2026' is not a date; write it as YYYY-MM-DD
            /redFlags/saddleNumbness      | -          | redFlags.saddleNumbness      | is required: every red-flag question is answered YES, NO or NOT_ASKED
            /conditions/pregnancy         | -          | conditions.pregnancy         | is required
            /observation/mood             | "LOW"      | observation.mood             | unknown field
            /examination/myotomalPower/hipFlexion | 7  | examination.myotomalPower.hipFlexion | must be at most 5; got 7
            /surgery                      | "none"     | surgery                      | expected an object; got 'none'
            """)
    void aViolationIsReworded(String pointer, String value, String path, String reason) throws IOException {
        ObjectNode history = Fixtures.history();
        int cut = pointer.lastIndexOf('/');
        ObjectNode parent = (ObjectNode) history.at(pointer.substring(0, cut));
        String name = pointer.substring(cut + 1);
        if (value.equals("-")) {
            parent.remove(name);
        } else {
            parent.set(name, EventJson.mapper().readTree(value));
        }

        List<EventSchemas.Violation> violations = EventSchemas.violations(EventSchemas.HISTORY_SCHEMA_ID, history);

        assertThat(violations).extracting(EventSchemas.Violation::path).containsExactly(path);
        assertThat(SchemaMessages.reason(violations.getFirst(), history)).isEqualTo(reason);
    }

    @ParameterizedTest
    @CsvSource({"pain.distribution[1], THIGH", "examination.laslett.gaenslen, NOT_TESTED", "$, "})
    void theValueIsFoundByItsPath(String path, String expected) {
        JsonNode value = SchemaMessages.valueAt(Fixtures.history(), path);

        assertThat(path.equals("$") ? value.has("onset") : value.asText().equals(expected)).isTrue();
    }
}
