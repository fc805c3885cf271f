package care.sciatica.assessment.domain;

import care.sciatica.assessment.domain.rules.InvalidRuleSetException;
import care.sciatica.assessment.domain.rules.RuleSet;
import care.sciatica.assessment.domain.rules.RuleSetLoader;
import care.sciatica.contracts.common.TreatmentStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The real rules file is valid and versioned; a broken one is refused with a message that says what to fix. */
class RuleSetLoaderTest {

    static String realFile() throws IOException {
        return Files.readString(TestRules.FILE);
    }

    @Test
    void theClinicsRulesFileIsValidAndVersioned() throws IOException {
        RuleSet rules = RuleSetLoader.load(new StringReader(realFile()));

        assertThat(rules.version()).matches("^[0-9]{4}\\.[0-9]{2}-[0-9]+$");
        assertThat(rules.protocol()).extracting(p -> p.step()).containsExactly(TreatmentStep.values());
        assertThat(rules.protocolStep(TreatmentStep.ICE_MASSAGE).parameters().maxIceCubes()).isLessThanOrEqualTo(2);
        assertThat(rules.thresholds().laslettPositivesWithGaenslen().get()).isEqualTo(3);
        assertThat(rules.redFlags()).allSatisfy(rule -> assertThat(rule.why()).isNotBlank());
        assertThat(rules.stepRules()).allSatisfy(rule -> assertThat(rule.why()).isNotBlank());
        assertThat(rules.indications()).allSatisfy(rule -> assertThat(rule.why()).isNotBlank());
    }

    static Stream<Arguments> brokenFiles() {
        return Stream.of(
                arguments("missing version", "\"version\": \"2026.12-2\",", "", "version is missing"),
                arguments("malformed version", "\"version\": \"2026.12-2\"", "\"version\": \"v3\"", "not like 2026.11-1"),
                arguments("unknown step", "\"step\": \"SIJ_MOBILISATION\"", "\"step\": \"CUPPING\"", "$.protocol[8].step"),
                arguments("unknown finding", "\"when\": [\"raynauds\"]", "\"when\": [\"raynaud\"]", "unknown finding raynaud"),
                arguments("three ice cubes", "\"maxIceCubes\": 2", "\"maxIceCubes\": 3", "never more than two cubes"),
                arguments("unknown region", "\"{side}_CALF\"", "\"{side}_ANKLE\"", "unknown region {side}_ANKLE"),
                arguments("missing threshold", "\"newPainAgeOver\": { \"value\": 50,", "\"newPainAgeOver\": {",
                        "thresholds.newPainAgeOver is missing"),
                arguments("unknown property", "\"thresholds\": {", "\"tresholds\": {", "tresholds"),
                arguments("duplicate rule id", "\"id\": \"ICE_EXCLUDED_COLD_URTICARIA\"", "\"id\": \"ICE_EXCLUDED_RAYNAUDS\"",
                        "ICE_EXCLUDED_RAYNAUDS is used twice"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void aBrokenFileIsRefusedWithAClearMessage(String name, String original, String broken, String message) throws IOException {
        String file = realFile();
        assertThat(file).contains(original);
        String json = file.replaceFirst(java.util.regex.Pattern.quote(original), java.util.regex.Matcher.quoteReplacement(broken));

        assertThatThrownBy(() -> RuleSetLoader.load(new StringReader(json)))
                .isInstanceOf(InvalidRuleSetException.class)
                .hasMessageContaining(message);
    }

    @Test
    void notJsonIsRefused() {
        assertThatThrownBy(() -> RuleSetLoader.load(new StringReader("version: 1")))
                .isInstanceOf(InvalidRuleSetException.class).hasMessageContaining("not valid JSON");
    }
}
