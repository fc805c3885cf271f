package care.sciatica.systemtests;

import care.sciatica.local.TopicReader;
import care.sciatica.systemtests.OtlpTraceReceiver.ReceivedSpan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One case is one trace across the four running services, with tracing switched on by configuration only and the spans
 * exported over OTLP: the intake request starts it, each Kafka hop continues it through the outbox, and the session
 * service's REST commands continue the trace the case's plan arrived in. The JSON logs carry the same case and trace.
 */
class CaseTraceIT {

    private static final String CASE_ID = "sciatica.case_id";
    private static final Set<String> SERVICES =
            Set.of("intake-service", "assessment-service", "session-service", "followup-service");

    private static RunningPlatform platform;
    private static TopicReader topics;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.shared();
        topics = new TopicReader(platform.bootstrapServers());
    }

    @AfterAll
    static void closeTopics() {
        topics.close();
    }

    @Test
    void everySpanOfOneCaseIsInOneTraceThatCrossesTheFourServices() {
        ClinicFlows.Flow flow = new ClinicFlows(platform, topics).wholeFlow(platform.tokenFor("frontdesk.north"),
                platform.tokenFor("therapist.north"), "site-north");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<ReceivedSpan> all = platform.spans();
            List<ReceivedSpan> ofCase = all.stream().filter(span -> flow.caseId().equals(span.attributes().get(CASE_ID)))
                    .toList();
            assertThat(ofCase).extracting(ReceivedSpan::service)
                    .contains("assessment-service", "session-service", "followup-service");
            assertThat(ofCase).extracting(ReceivedSpan::name).contains("session consent", "session completion");
            String traceId = ofCase.getFirst().traceId();
            assertThat(ofCase).extracting(ReceivedSpan::traceId).as("trace ids of the case's spans").containsOnly(traceId);

            List<ReceivedSpan> trace = all.stream().filter(span -> span.traceId().equals(traceId)).toList();
            assertThat(trace.stream().map(ReceivedSpan::service).collect(Collectors.toSet())).containsAll(SERVICES);
            assertThat(trace).filteredOn(ReceivedSpan::isRoot).singleElement().satisfies(root -> {
                assertThat(root.service()).isEqualTo("intake-service");
                assertThat(root.kind()).isEqualTo(ReceivedSpan.SERVER);
                assertThat(root.name()).contains("/intakes");
            });
            Set<String> spanIds = trace.stream().map(ReceivedSpan::spanId).collect(Collectors.toSet());
            assertThat(trace).filteredOn(span -> !span.isRoot())
                    .as("every other span's parent is in the same trace").allSatisfy(span ->
                            assertThat(spanIds).contains(span.parentSpanId()));

            // The production logs (JSON) say the same: each consumer's line for the case carries the case's trace id.
            for (String service : List.of("assessment-service", "session-service", "followup-service")) {
                assertThat(platform.logLines(service)).as(service + " log lines of the case")
                        .filteredOn(line -> flow.caseId().equals(line.path("mdc").path("caseId").asText()))
                        .isNotEmpty()
                        .allSatisfy(line -> assertThat(line.path("mdc").path("traceId").asText()).isEqualTo(traceId));
            }
        });
    }
}
