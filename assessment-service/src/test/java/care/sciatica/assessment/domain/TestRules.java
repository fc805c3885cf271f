package care.sciatica.assessment.domain;

import care.sciatica.assessment.domain.rules.RuleSet;
import care.sciatica.assessment.domain.rules.RuleSetLoader;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The clinic's real rule set, as the service loads it from seeds/protocol; tests assess against it. */
final class TestRules {

    static final Path FILE = Path.of("../seeds/protocol/assessment-rules.json");
    private static RuleSet rules;

    private TestRules() {
    }

    static synchronized RuleSet real() {
        if (rules == null) {
            try (Reader reader = Files.newBufferedReader(FILE)) {
                rules = RuleSetLoader.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return rules;
    }

    static Assessment assess(HistoryBuilder history) {
        return AssessCase.assess(history.facts(), real());
    }

    static TreatmentPlan plan(HistoryBuilder history) {
        Assessment assessment = assess(history);
        if (!(assessment instanceof TreatmentPlan plan)) {
            throw new AssertionError("Expected a plan but got " + assessment);
        }
        return plan;
    }
}
