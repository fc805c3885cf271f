package care.sciatica.followup.domain.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import care.sciatica.contracts.followup.ScheduleReason;
import care.sciatica.followup.domain.Fixtures;
import care.sciatica.followup.domain.InvalidSeedData;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SchedulingPolicyLoaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theSeedPolicyLoadsWithItsSiteOverridesMergedOverTheDefaults() {
        SchedulingPolicy policy = Fixtures.seedPolicy();

        assertThat(policy.version()).isEqualTo("2026.12-1");
        SiteRules defaults = policy.defaults();
        assertThat(defaults.minimalImportantChange()).isEqualTo(2);
        assertThat(defaults.interval(ScheduleReason.ROUTINE_INTERVAL)).isEqualTo(new VisitInterval(7, 10));
        assertThat(defaults.interval(ScheduleReason.SOONER_LITTLE_CHANGE)).isEqualTo(new VisitInterval(2, 4));
        assertThat(defaults.interval(ScheduleReason.SOONER_WORSE_FLAGGED)).isEqualTo(new VisitInterval(1, 3));

        SiteRules south = policy.rulesFor("site-south");
        assertThat(south.interval(ScheduleReason.ROUTINE_INTERVAL)).isEqualTo(new VisitInterval(3, 5));
        assertThat(south.interval(ScheduleReason.SOONER_WORSE_FLAGGED)).isEqualTo(new VisitInterval(1, 3));
        assertThat(south.task(TaskReason.NO_SLOT_FOUND)).isEqualTo(new TaskRule(TaskKind.BOOK_BY_HAND, Duration.ofHours(4)));
        assertThat(south.task(TaskReason.RED_FLAG_FOUND)).isEqualTo(defaults.task(TaskReason.RED_FLAG_FOUND));
        assertThat(policy.rulesFor("site-north")).isSameAs(defaults);
    }

    static Stream<Arguments> brokenPolicies() {
        return Stream.of(
                broken("an interval is missing", doc -> intervals(doc).remove("SOONER_WORSE_FLAGGED"),
                        "defaults.intervals.SOONER_WORSE_FLAGGED is missing"),
                broken("an interval ends before it starts", doc -> interval(doc, "ROUTINE_INTERVAL").put("latestDays", 6),
                        "defaults.intervals.ROUTINE_INTERVAL.latestDays must not be before earliestDays"),
                broken("an interval starts on the session day", doc -> interval(doc, "SOONER_WORSE_FLAGGED").put("earliestDays", 0),
                        "defaults.intervals.SOONER_WORSE_FLAGGED.earliestDays must be 1..90, got 0"),
                broken("an interval has no end", doc -> interval(doc, "ROUTINE_INTERVAL").remove("latestDays"),
                        "defaults.intervals.ROUTINE_INTERVAL.latestDays is missing"),
                broken("the minimal important change is 0", doc -> defaults(doc).put("minimalImportantChange", 0),
                        "defaults.minimalImportantChange must be 1..10, got 0"),
                broken("'sooner' is later than routine", doc -> interval(doc, "SOONER_LITTLE_CHANGE").put("latestDays", 12),
                        "defaults.intervals.SOONER_LITTLE_CHANGE must not end or start later than ROUTINE_INTERVAL"),
                broken("a task is missing", doc -> tasks(doc).remove("RED_FLAG_FOUND"),
                        "defaults.tasks.RED_FLAG_FOUND is missing"),
                broken("a task is due at once", doc -> task(doc, "CONSENT_REFUSED").put("dueWithin", "PT0S"),
                        "defaults.tasks.CONSENT_REFUSED.dueWithin must be"),
                broken("a task has no kind", doc -> task(doc, "CONSENT_REFUSED").remove("kind"),
                        "defaults.tasks.CONSENT_REFUSED.kind is missing"),
                broken("an emergency is due after an urgent referral", doc -> task(doc, "REFERRAL_EMERGENCY").put("dueWithin", "P2D"),
                        "defaults.tasks.REFERRAL_EMERGENCY must not be due later than REFERRAL_URGENT"),
                broken("a site id is not a site id", doc -> sites(doc).set("north", JSON.createObjectNode()),
                        "sites.north is not a site id like site-north"),
                broken("a site override breaks the merged rules", doc -> sites(doc).putObject("site-west").putObject("intervals")
                                .putObject("SOONER_WORSE_FLAGGED").put("earliestDays", 9).put("latestDays", 12),
                        "sites.site-west.intervals.SOONER_WORSE_FLAGGED must not end or start later than ROUTINE_INTERVAL"),
                broken("the version is missing", doc -> doc.remove("version"), "version is missing"),
                broken("a field is misspelt", doc -> defaults(doc).put("minimalImportantChnage", 2), "Unrecognized field"),
                broken("a reason is unknown", doc -> intervals(doc).set("ROUTINE", interval(doc, "ROUTINE_INTERVAL")), "ROUTINE"),
                broken("a duration is not ISO-8601", doc -> task(doc, "CONSENT_REFUSED").put("dueWithin", "2 days"), "2 days"));
    }

    @ParameterizedTest(name = "refused when {0}")
    @MethodSource("brokenPolicies")
    void aBrokenPolicyIsRefusedWithItsPath(String when, String document, String problem) {
        assertThatThrownBy(() -> SchedulingPolicyLoader.load(new StringReader(document)))
                .as(when)
                .isInstanceOfSatisfying(InvalidSeedData.class, refused -> {
                    assertThat(refused.document()).isEqualTo("scheduling policy");
                    assertThat(refused.problems()).anySatisfy(found -> assertThat(found).contains(problem));
                });
    }

    @Test
    void everyProblemIsReportedAtOnce() throws IOException {
        String document = mutated(doc -> {
            defaults(doc).put("minimalImportantChange", 11);
            tasks(doc).remove("NO_SLOT_FOUND");
        });

        assertThatThrownBy(() -> SchedulingPolicyLoader.load(new StringReader(document)))
                .isInstanceOfSatisfying(InvalidSeedData.class, refused -> assertThat(refused.problems()).containsExactly(
                        "defaults.minimalImportantChange must be 1..10, got 11",
                        "defaults.tasks.NO_SLOT_FOUND is missing"));
    }

    @Test
    void anEmptyDocumentIsRefused() {
        assertThatThrownBy(() -> SchedulingPolicyLoader.load(new StringReader(""))).isInstanceOf(InvalidSeedData.class);
        assertThatThrownBy(() -> SchedulingPolicyLoader.load(new StringReader("{\"version\": \"1\"}")))
                .isInstanceOf(InvalidSeedData.class)
                .hasMessageContaining("defaults is missing");
    }

    private static Arguments broken(String when, Consumer<ObjectNode> change, String problem) {
        try {
            return Arguments.of(when, mutated(change), problem);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String mutated(Consumer<ObjectNode> change) throws IOException {
        try (Reader reader = Fixtures.seed("scheduling-policy.json")) {
            ObjectNode document = (ObjectNode) JSON.readTree(reader);
            change.accept(document);
            return JSON.writeValueAsString(document);
        }
    }

    private static ObjectNode defaults(ObjectNode document) {
        return (ObjectNode) document.get("defaults");
    }

    private static ObjectNode intervals(ObjectNode document) {
        return (ObjectNode) defaults(document).get("intervals");
    }

    private static ObjectNode interval(ObjectNode document, String reason) {
        return (ObjectNode) intervals(document).get(reason);
    }

    private static ObjectNode tasks(ObjectNode document) {
        return (ObjectNode) defaults(document).get("tasks");
    }

    private static ObjectNode task(ObjectNode document, String reason) {
        return (ObjectNode) tasks(document).get(reason);
    }

    private static ObjectNode sites(ObjectNode document) {
        return (ObjectNode) document.get("sites");
    }
}
