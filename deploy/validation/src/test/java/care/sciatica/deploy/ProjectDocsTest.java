package care.sciatica.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The project's own documentation stands on its own: docs/clinical-rules.md names every rule the rule files and the
 * session service define, and the README and docs/ link only to files that exist inside the repository.
 */
class ProjectDocsTest {

    private static final Path CLINICAL_RULES = Repo.path("docs/clinical-rules.md");
    private static final Path ASSESSMENT_RULES = Repo.path("seeds/protocol/assessment-rules.json");
    private static final Path SCHEDULING_POLICY = Repo.path("seeds/followup/scheduling-policy.json");
    private static final Path SESSION_RULES =
            Repo.path("session-service/src/main/java/care/sciatica/session/domain/SessionRule.java");
    /** A Markdown link's target: [text](target) or [text](target "title"). */
    private static final Pattern LINK = Pattern.compile("\\[[^]]*]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern ENUM_CONSTANT = Pattern.compile("^ {4}([A-Z][A-Z0-9_]+)\\(Kind\\.", Pattern.MULTILINE);

    @Test
    void theClinicalRulesDocumentNamesEveryRuleOfTheAssessmentRuleSet() throws IOException {
        JsonNode rules = Repo.readJson(ASSESSMENT_RULES);
        Set<String> ids = new TreeSet<>();
        rules.path("thresholds").fieldNames().forEachRemaining(ids::add);
        rules.path("redFlags").forEach(rule -> ids.add(rule.path("id").asText()));
        ids.add(rules.path("redFlagNotAsked").path("ruleId").asText());
        rules.path("indications").forEach(rule -> ids.add(rule.path("ruleId").asText()));
        rules.path("stepRules").forEach(rule -> ids.add(rule.path("id").asText()));
        rules.path("advice").forEach(rule -> ids.add(rule.path("advice").asText()));
        rules.path("protocol").forEach(step -> ids.add(step.path("step").asText()));
        assertTrue(ids.size() > 70, "read the rule set: " + ids);
        assertEquals(Set.of(), notNamed(ids), "rules of " + Repo.rel(ASSESSMENT_RULES) + " missing from "
                + Repo.rel(CLINICAL_RULES));
    }

    @Test
    void theClinicalRulesDocumentNamesEverySessionRuleAndFollowUpReason() throws IOException {
        Set<String> ids = new TreeSet<>();
        Matcher constant = ENUM_CONSTANT.matcher(Files.readString(SESSION_RULES));
        while (constant.find()) {
            ids.add(constant.group(1));
        }
        assertTrue(ids.size() > 15, "read the session rules from " + Repo.rel(SESSION_RULES) + ": " + ids);
        JsonNode defaults = Repo.readJson(SCHEDULING_POLICY).path("defaults");
        defaults.path("intervals").fieldNames().forEachRemaining(ids::add);
        defaults.path("tasks").fieldNames().forEachRemaining(ids::add);
        assertEquals(Set.of(), notNamed(ids), "session rules and follow-up reasons missing from "
                + Repo.rel(CLINICAL_RULES));
    }

    @Test
    void theReadmeAndTheDocsLinkOnlyToFilesInsideTheRepository() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path file : markdownFiles()) {
            String text = Files.readString(file);
            Matcher link = LINK.matcher(text);
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("^[a-z]+:.*") || target.startsWith("#")) {
                    continue; // a web address or an anchor in the same file
                }
                Path resolved = file.getParent().resolve(target.replaceFirst("#.*$", "")).normalize();
                if (!resolved.startsWith(Repo.ROOT) || !Files.exists(resolved)) {
                    broken.add(Repo.rel(file) + " -> " + target);
                }
            }
            if (text.contains("../shared") || text.contains("/work/")) {
                broken.add(Repo.rel(file) + " mentions a path outside the repository");
            }
        }
        assertEquals(List.of(), broken);
    }

    private static Set<String> notNamed(Set<String> ids) throws IOException {
        String doc = Files.readString(CLINICAL_RULES);
        Set<String> missing = new TreeSet<>();
        for (String id : ids) {
            if (!doc.contains("`" + id + "`")) {
                missing.add(id);
            }
        }
        return missing;
    }

    private static List<Path> markdownFiles() throws IOException {
        List<Path> files = new ArrayList<>(List.of(Repo.path("README.md")));
        try (Stream<Path> docs = Files.walk(Repo.path("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        return files;
    }
}
