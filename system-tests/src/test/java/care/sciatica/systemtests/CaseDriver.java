package care.sciatica.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

import org.awaitility.core.ConditionTimeoutException;

import static care.sciatica.contracts.EventJson.mapper;
import static org.awaitility.Awaitility.await;

/**
 * Takes cases through the running platform over HTTP as a careful client does while services crash and come back:
 * every write carries an Idempotency-Key, and a write whose answer was lost (connection refused or reset, a 5xx, a
 * request still in progress) is sent again with the same key until the platform answers it.
 */
final class CaseDriver {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(300);
    /**
     * Answers that say "try again": the service or its database restarts, or the client is rate limited. A 409 says
     * so with Retry-After (the same key still in progress, a change at the same moment); without, it is final.
     */
    private static final Set<Integer> TRANSIENT = Set.of(429, 500, 502, 503, 504);

    private final Function<String, String> baseUrl;
    private final String siteId;
    private final Supplier<String> frontDesk;
    private final Supplier<String> therapist;
    private final Duration patience;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicInteger retries = new AtomicInteger();

    /**
     * A driver for a site's front desk and therapist (demo users {@code frontdesk.<site>}, {@code therapist.<site>});
     * {@code baseUrl} says where each request for a service goes (one instance, or any of its replicas).
     */
    CaseDriver(RunningPlatform platform, String site, Function<String, String> baseUrl, Duration patience) {
        this.baseUrl = baseUrl;
        this.siteId = "site-" + site;
        this.frontDesk = cachedToken(platform, "frontdesk." + site);
        this.therapist = cachedToken(platform, "therapist." + site);
        this.patience = patience;
    }

    /** Cases being taken through by several clinics at once. */
    final class Batch {

        private final List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        private final ExecutorService clinics;
        private final List<Future<?>> work = new ArrayList<>();

        private Batch(int cases, int clinicCount) {
            clinics = Executors.newFixedThreadPool(clinicCount);
            AtomicInteger started = new AtomicInteger();
            for (int clinic = 0; clinic < clinicCount; clinic++) {
                work.add(clinics.submit(() -> {
                    while (started.incrementAndGet() <= cases) {
                        outcomes.add(takeThroughSession());
                    }
                }));
            }
        }

        /** How many cases have completed their session so far. */
        int done() {
            return outcomes.size();
        }

        /** Waits until every clinic is done; a case that failed fails the batch with its reason. */
        List<Outcome> await() throws Exception {
            try {
                for (Future<?> clinic : work) {
                    clinic.get(patience.toMillis() * 2, TimeUnit.MILLISECONDS);
                }
                return List.copyOf(outcomes);
            } finally {
                clinics.shutdownNow();
            }
        }
    }

    /** Starts {@code cases} cases, taken through by {@code clinics} clinics working at the same time. */
    Batch start(int cases, int clinics) {
        return new Batch(cases, clinics);
    }

    /** What one case reached: its id, and its session's id once the session was completed. */
    record Outcome(String caseId, String sessionId) {
    }

    /** Records a first visit at the site and takes the case through a completed session. */
    Outcome takeThroughSession() {
        JsonNode intake = write(frontDesk, "intake-service", "/intakes", ClinicFlows.intakeRequest(siteId),
                Set.of(201));
        String caseId = intake.get("caseId").asText();
        // The plan reaches the session service through two Kafka hops; until then the case has no plan there (404).
        JsonNode session = writeOnceReady(therapist, "session-service", "/sessions",
                mapper().createObjectNode().put("caseId", caseId));
        String sessionId = session.get("sessionId").asText();
        JsonNode plan = read(therapist, "assessment-service", "/cases/" + caseId + "/assessment").get("reasoning");
        command(sessionId, "pain-before", Map.of("nrs", 6));
        command(sessionId, "explanation", Map.of("points", List.of("WHAT_WILL_HAPPEN", "HOW_IT_WILL_HELP",
                "ICE_AND_HEAT", "POSSIBLE_DISCOMFORT", "RIGHT_TO_STOP", "ALTERNATIVES"), "questionsAnswered", true));
        command(sessionId, "consent", Map.of("decision", "GIVEN", "method", "VERBAL"));
        command(sessionId, "steps", Map.of("step", "PALPATION", "outcome", "PERFORMED",
                "parameters", Map.of("sites", List.of("LUMBAR_SPINE", "LEFT_SCIATIC_NOTCH"))));
        for (String step : ClinicFlows.skippedSteps(plan)) {
            command(sessionId, "steps", Map.of("step", step, "outcome", "SKIPPED",
                    "deviationReason", "PATIENT_PREFERENCE"));
        }
        command(sessionId, "pain-after", Map.of("nrs", 3));
        command(sessionId, "completion", null);
        return new Outcome(caseId, sessionId);
    }

    /**
     * Cancels these appointments at the front desk, so that the site's calendars are as free for the tests that come
     * after as they were before (a full calendar turns every follow-up into a book-by-hand task).
     */
    void freeCalendars(Set<String> appointmentIds) {
        for (String appointment : appointmentIds) {
            write(frontDesk, "followup-service", "/appointments/" + appointment + "/cancellation",
                    mapper().createObjectNode().put("reason", "NO_LONGER_NEEDED"), Set.of(200));
        }
    }

    /** How many requests had to be sent again because their answer was lost or transient. */
    int retries() {
        return retries.get();
    }

    private void command(String sessionId, String operation, Object body) {
        write(therapist, "session-service", "/sessions/" + sessionId + "/" + operation,
                body == null ? null : mapper().valueToTree(body), Set.of(200));
    }

    private JsonNode write(Supplier<String> token, String service, String path, JsonNode body, Set<Integer> ok) {
        String key = UUID.randomUUID().toString();
        return untilAnswered(service + " POST " + path, () -> send(token, service, "POST", path, body, key), ok,
                Set.of());
    }

    private JsonNode writeOnceReady(Supplier<String> token, String service, String path, ObjectNode body) {
        String key = UUID.randomUUID().toString();
        return untilAnswered(service + " POST " + path, () -> send(token, service, "POST", path, body, key),
                Set.of(201), Set.of(404));
    }

    private JsonNode read(Supplier<String> token, String service, String path) {
        return untilAnswered(service + " GET " + path, () -> send(token, service, "GET", path, null, null),
                Set.of(200), Set.of(404));
    }

    /** Sends until an answer in {@code ok}; {@code notYet} answers are waited out like transient ones. */
    private JsonNode untilAnswered(String what, Supplier<Answer> attempt, Set<Integer> ok, Set<Integer> notYet) {
        AtomicReference<Answer> last = new AtomicReference<>();
        try {
            await(what).atMost(patience).pollDelay(Duration.ZERO).pollInterval(RETRY_PAUSE).until(() -> {
                Answer answer = attempt.get();
                last.set(answer);
                if (answer != null && ok.contains(answer.status())) {
                    return true;
                }
                if (answer != null && !answer.saysTryAgain() && !notYet.contains(answer.status())) {
                    throw new IllegalStateException(what + " answered " + answer.status() + ": " + answer.body());
                }
                retries.incrementAndGet();
                return false;
            });
        } catch (ConditionTimeoutException e) {
            Answer answer = last.get();
            throw new IllegalStateException(what + " not answered within " + patience + "; last answer: "
                    + (answer == null ? "no connection" : answer.status() + " " + answer.body()), e);
        }
        return ClinicFlows.json(last.get().body());
    }

    private record Answer(int status, String body, boolean retryAfter) {

        boolean saysTryAgain() {
            return TRANSIENT.contains(status) || status == 409 && retryAfter;
        }
    }

    /** One attempt; {@code null} when the connection failed (the service is down or was killed mid-request). */
    private Answer send(Supplier<String> token, String service, String method, String path, JsonNode body,
                        String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl.apply(service) + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token.get())
                .header("Accept", "application/json");
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if ("POST".equals(method)) {
            request.header("Content-Type", "application/json")
                    .POST(body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body.toString()));
        } else {
            request.GET();
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(),
                    response.headers().firstValue("Retry-After").isPresent());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** A demo user's token, fetched again when it is a minute old (tokens live five minutes). */
    private static Supplier<String> cachedToken(RunningPlatform platform, String user) {
        return new Supplier<>() {
            private String token;
            private long fetchedAt;

            @Override
            public synchronized String get() {
                if (token == null || System.nanoTime() - fetchedAt > TimeUnit.MINUTES.toNanos(1)) {
                    token = platform.tokenFor(user);
                    fetchedAt = System.nanoTime();
                }
                return token;
            }
        };
    }
}
