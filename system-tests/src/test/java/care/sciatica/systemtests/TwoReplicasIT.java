package care.sciatica.systemtests;

import care.sciatica.local.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of every service on the same databases and consumer groups, requests spread over both (at site-south,
 * whose calendars the other tests leave free). Halfway, the
 * second intake, assessment and session instances are killed and the second follow-up instance is stopped as a
 * rolling update stops it; the first instances stay ready and alive, and the work is done once: one plan, one session,
 * one appointment per case, and each webhook delivered once.
 */
class TwoReplicasIT {

    private static final int CASES = Integer.getInteger("sciatica.replicas.cases", 60);
    private static final int CLINICS = 4;
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final List<String> KILLED = List.of("intake-service", "assessment-service", "session-service");

    private static RunningPlatform platform;
    private static TopicReader topics;
    private static HttpServer bookingSystem;
    private static final Map<String, AtomicInteger> deliveriesById = new ConcurrentHashMap<>();
    private static final Set<String> appointmentsNotified = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void start() throws IOException {
        platform = RunningPlatform.shared();
        topics = new TopicReader(platform.bootstrapServers());
        bookingSystem = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        bookingSystem.createContext("/replicas", exchange -> {
            try (exchange) {
                JsonNode payload = ClinicFlows.json(new String(exchange.getRequestBody().readAllBytes(),
                        StandardCharsets.UTF_8));
                appointmentsNotified.add(payload.path("data").path("appointmentId").asText());
                String id = exchange.getRequestHeaders().getFirst("webhook-id");
                deliveriesById.computeIfAbsent(String.valueOf(id), key -> new AtomicInteger()).incrementAndGet();
                exchange.sendResponseHeaders(204, -1);
            }
        });
        bookingSystem.start();
    }

    @AfterAll
    static void stop() {
        topics.close();
        bookingSystem.stop(0);
    }

    @Test
    void twoInstancesOfEachServiceDoEveryPieceOfWorkOnceAndOneSurvivesItsPeer() throws Exception {
        subscribeBookingSystem();
        List<String> caseIds;
        CaseDriver driver;
        try (RunningPlatform.SecondInstances seconds = platform.startSecondInstances()) {
            AtomicInteger turn = new AtomicInteger();
            Function<String, String> eitherInstance = service -> turn.getAndIncrement() % 2 == 0
                    ? platform.baseUrl(service) : seconds.baseUrl(service);
            driver = new CaseDriver(platform, "south", eitherInstance, PATIENCE);
            CaseDriver.Batch batch = driver.start(CASES, CLINICS);

            await().atMost(PATIENCE).until(() -> batch.done() >= CASES / 2);
            KILLED.forEach(seconds::kill);
            seconds.stop("followup-service");
            for (String service : List.of("intake-service", "assessment-service", "session-service",
                    "followup-service")) {
                given().baseUri(platform.baseUrl(service)).get("/q/health/live").then().statusCode(200);
                // Ready at once, or again within seconds (while the group hands the dead peer's partitions over).
                await(service + " ready while its peer is dead").atMost(Duration.ofSeconds(20))
                        .untilAsserted(() -> given().baseUri(platform.baseUrl(service)).get("/q/health/ready")
                                .then().statusCode(200));
            }
            caseIds = batch.await().stream().map(CaseDriver.Outcome::caseId).toList();
        }

        assertThat(caseIds).hasSize(CASES).doesNotHaveDuplicates();
        FlowInvariants invariants = new FlowInvariants(platform, topics);
        invariants.awaitSettled(caseIds, PATIENCE);
        Map<String, Long> counts = invariants.counts(caseIds);
        Set<String> appointments = invariants.appointmentIds(caseIds);
        assertThat(appointments).as("appointments booked (rather than left to book by hand)").isNotEmpty();
        await("a webhook for every appointment").atMost(PATIENCE)
                .untilAsserted(() -> assertThat(appointmentsNotified).containsAll(appointments));
        long deliveredTwice = deliveriesById.values().stream().filter(count -> count.get() > 1).count();
        System.out.printf("Two replicas: %d cases, %d webhooks (%d delivered twice);%n  %s%n", CASES,
                deliveriesById.size(), deliveredTwice, counts);

        driver.freeCalendars(appointments);
        invariants.assertHeld(counts, CASES);
        assertThat(deliveredTwice).as("webhooks delivered more than once").isZero();
    }

    private static void subscribeBookingSystem() {
        given().baseUri(platform.baseUrl("followup-service")).auth().oauth2(platform.tokenFor("admin.chain"))
                .contentType("application/json")
                .body(Map.of("siteId", "site-south",
                        "url", "http://127.0.0.1:" + bookingSystem.getAddress().getPort() + "/replicas",
                        "eventTypes", List.of("appointment.scheduled")))
                .post("/webhooks/subscriptions").then().statusCode(201);
    }
}
