package care.sciatica.console;

import care.sciatica.console.live.CaseChanged;
import care.sciatica.console.live.CaseChanges;
import care.sciatica.contracts.EventType;
import care.sciatica.local.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The live feed reads the services' real topics: a change of a case reaches the pages of its own site only, and
 * carries the case id alone.
 */
@QuarkusTest
@ConsoleTestResources
class LiveFeedTest {

    @Inject
    CaseChanges changes;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aChangeReachesTheSubscribersOfItsSiteOnly() {
        List<CaseChanged> north = new CopyOnWriteArrayList<>();
        List<CaseChanged> every = new CopyOnWriteArrayList<>();
        Cancellable northOnly = changes.at(List.of("site-north")).subscribe().with(north::add);
        Cancellable all = changes.at(List.of("site-north", "site-south")).subscribe().with(every::add);
        String southCase = UUID.randomUUID().toString();
        String northCase = UUID.randomUUID().toString();
        try (TopicReader topics = new TopicReader(bootstrapServers)) {
            await().atMost(java.time.Duration.ofSeconds(60)).untilAsserted(() -> {
                // The console's group starts at the end of each topic: send until its consumers are in place.
                topics.send(TopicReader.cloudEvent(EventType.PLAN_ISSUED, northCase, "site-north",
                        UUID.randomUUID().toString(), "{\"secret\":\"clinical content\"}"));
                topics.send(TopicReader.cloudEvent(EventType.SESSION_COMPLETED, southCase, "site-south",
                        UUID.randomUUID().toString(), "{}"));
                assertThat(every).extracting(CaseChanged::caseId).contains(northCase, southCase);
            });
        } finally {
            northOnly.cancel();
            all.cancel();
        }
        assertThat(north).extracting(CaseChanged::caseId).contains(northCase).doesNotContain(southCase);
        assertThat(north).extracting(CaseChanged::siteId).containsOnly("site-north");
        assertThat(every).filteredOn(change -> change.caseId().equals(southCase))
                .extracting(CaseChanged::service).containsOnly("session");
        assertThat(north.toString()).doesNotContain("clinical content");
    }
}
