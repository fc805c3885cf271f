package care.sciatica.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One case as clinic staff take it through the platform: the front desk records the intake; the therapist waits for
 * the plan, opens a session, explains, takes consent, palpates, skips the rest at the patient's wish, scores the pain
 * before and after and completes it; the front desk then finds the follow-up appointment. Everything is
 * non-blocking; waits are polls, every {@link #POLL} for the first half second (so short waits are measured to within
 * 20 ms), then every 100 ms and after five seconds every 250 ms, so a backlog is not made worse by the polls.
 */
public final class CaseFlow {

    static final Duration POLL = Duration.ofMillis(20);
    static final Duration PLAN_WAIT = Duration.ofSeconds(30);
    static final Duration APPOINTMENT_WAIT = Duration.ofSeconds(15);

    static final String INTAKE_TO_PLAN = "flow: intake → plan visible";
    static final String PLAN_TO_SESSION = "flow: plan → session openable";
    static final String COMPLETION_TO_APPOINTMENT = "flow: completion → appointment";
    static final String COMPLETED = "cases completed";
    static final String INTAKES = "intakes recorded";
    static final String WHOLE_CASE = "flow: intake → session completed";

    /** A site's front desk and therapist (demo users). */
    public record Clinic(String siteId, String frontDesk, String therapist) {

        static final List<Clinic> DEMO = List.of(
                new Clinic("site-north", "frontdesk.north", "therapist.north"),
                new Clinic("site-south", "frontdesk.south", "therapist.south"));

        static Clinic number(int i) {
            return DEMO.get(i % DEMO.size());
        }
    }

    /** Where the services answer. */
    public record Endpoints(URI intake, URI assessment, URI session, URI followup) {

        static Endpoints local() {
            return new Endpoints(URI.create("http://127.0.0.1:8081"), URI.create("http://127.0.0.1:8082"),
                    URI.create("http://127.0.0.1:8083"), URI.create("http://127.0.0.1:8084"));
        }
    }

    private final Http http;
    private final Tokens tokens;
    private final Endpoints endpoints;
    private final Latencies latencies;
    private final ObjectNode intakeTemplate;
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final Set<CompletableFuture<?>> followUps = ConcurrentHashMap.newKeySet();
    private volatile String lastCaseId;
    private final Queue<Map.Entry<String, Clinic>> booked = new ConcurrentLinkedQueue<>();

    public CaseFlow(Http http, Tokens tokens, Endpoints endpoints, Latencies latencies, ObjectNode intakeTemplate) {
        this.http = http;
        this.tokens = tokens;
        this.endpoints = endpoints;
        this.latencies = latencies;
        this.intakeTemplate = intakeTemplate;
    }

    /**
     * Runs one case up to its completed session; the wait for its appointment goes on in the background
     * ({@link #awaitFollowUps}), so a clinic may start its next case at once.
     */
    public CompletableFuture<Void> run(Clinic clinic) {
        long begin = System.nanoTime();
        return intake(clinic).thenCompose(caseId -> {
            long recorded = System.nanoTime();
            return poll(() -> http.get("GET /cases/{id}/assessment", uri(endpoints.assessment(), "/cases/" + caseId
                    + "/assessment"), tokens.bearer(clinic.therapist())), Http.Answer::ok, PLAN_WAIT)
                    .thenCompose(assessment -> {
                        long planVisible = System.nanoTime();
                        latencies.record(INTAKE_TO_PLAN, planVisible - recorded);
                        count("plans visible");
                        return openSession(clinic, caseId).thenCompose(sessionId -> {
                            latencies.record(PLAN_TO_SESSION, System.nanoTime() - planVisible);
                            return runSession(clinic, sessionId, skippedSteps(assessment.body()));
                        });
                    })
                    .thenRun(() -> {
                        long completed = System.nanoTime();
                        latencies.record(WHOLE_CASE, completed - begin);
                        count(COMPLETED);
                        awaitAppointment(clinic, caseId, completed);
                    });
        }).exceptionally(failure -> {
            count("cases failed: " + reason(failure));
            return null;
        });
    }

    /** Only the front desk's intake POST (the intake-only mode). */
    public CompletableFuture<Void> intakeOnly(Clinic clinic) {
        return intake(clinic).thenAccept(caseId -> { }).exceptionally(failure -> {
            count("intakes failed: " + reason(failure));
            return null;
        });
    }

    /** Waits (bounded) until every background appointment wait has ended. */
    public void awaitFollowUps(Duration atMost) {
        try {
            CompletableFuture.allOf(followUps.toArray(CompletableFuture[]::new)).get(atMost.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            count("appointment waits cut short at the end of the run");
        }
    }

    /** What happened, e.g. "cases completed" → 120, "appointments found" → 118. */
    public Map<String, Long> counts() {
        Map<String, Long> snapshot = new TreeMap<>();
        counts.forEach((name, adder) -> snapshot.put(name, adder.sum()));
        return snapshot;
    }

    /**
     * Cancels the appointments this run's cases were given (after the measurement): the next run finds the therapists'
     * calendars as free as this one did, instead of a full calendar that turns every follow-up into a task.
     */
    public long cancelBooked(Duration atMost) {
        List<CompletableFuture<Http.Answer>> cancellations = new ArrayList<>();
        for (Map.Entry<String, Clinic> appointment; (appointment = booked.poll()) != null; ) {
            cancellations.add(http.post("POST /appointments/{id}/cancellation", uri(endpoints.followup(),
                    "/appointments/" + appointment.getKey() + "/cancellation"),
                    tokens.bearer(appointment.getValue().frontDesk()), Map.of("reason", "NO_LONGER_NEEDED")));
        }
        try {
            CompletableFuture.allOf(cancellations.toArray(CompletableFuture[]::new))
                    .get(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // what did not finish in time stays booked; the count below says how many did
        }
        return cancellations.stream().filter(c -> c.isDone() && !c.isCompletedExceptionally() && c.join().ok()).count();
    }

    /** The case of the latest intake recorded. */
    public String lastCaseId() {
        return lastCaseId;
    }

    /** One of {@link #counts()}, 0 when it never happened. */
    public long total(String name) {
        LongAdder adder = counts.get(name);
        return adder == null ? 0 : adder.sum();
    }

    private CompletableFuture<String> intake(Clinic clinic) {
        ObjectNode request = intakeTemplate.deepCopy();
        request.put("siteId", clinic.siteId());
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        ((ObjectNode) request.get("patient")).put("givenName", "Bench").put("familyName", "Patient-" + suffix);
        return http.post("POST /intakes", uri(endpoints.intake(), "/intakes"), tokens.bearer(clinic.frontDesk()), request)
                .thenApply(answer -> {
                    expect(answer, 201, "POST /intakes");
                    count(INTAKES);
                    lastCaseId = answer.body().get("caseId").asText();
                    return lastCaseId;
                });
    }

    /** The session may be opened once the session service has the plan: a 404 until then, so try again. */
    private CompletableFuture<String> openSession(Clinic clinic, String caseId) {
        String key = UUID.randomUUID().toString();
        return poll(() -> http.post("POST /sessions", uri(endpoints.session(), "/sessions"),
                        tokens.bearer(clinic.therapist()), Map.of("caseId", caseId), key),
                answer -> answer.status() != 404, PLAN_WAIT)
                .thenApply(answer -> {
                    expect(answer, 201, "POST /sessions");
                    return answer.body().get("sessionId").asText();
                });
    }

    private CompletableFuture<Void> runSession(Clinic clinic, String sessionId, List<String> skipped) {
        List<Map.Entry<String, Object>> commands = new ArrayList<>();
        commands.add(Map.entry("pain-before", Map.of("nrs", 6)));
        commands.add(Map.entry("explanation", Map.of("points", List.of("WHAT_WILL_HAPPEN", "HOW_IT_WILL_HELP",
                "ICE_AND_HEAT", "POSSIBLE_DISCOMFORT", "RIGHT_TO_STOP", "ALTERNATIVES"), "questionsAnswered", true)));
        commands.add(Map.entry("consent", Map.of("decision", "GIVEN", "method", "VERBAL")));
        commands.add(Map.entry("steps", Map.of("step", "PALPATION", "outcome", "PERFORMED",
                "parameters", Map.of("sites", List.of("LUMBAR_SPINE", "LEFT_SCIATIC_NOTCH")))));
        for (String step : skipped) {
            commands.add(Map.entry("steps", Map.of("step", step, "outcome", "SKIPPED",
                    "deviationReason", "PATIENT_PREFERENCE")));
        }
        commands.add(Map.entry("pain-after", Map.of("nrs", 3)));
        commands.add(Map.entry("completion", NO_BODY));
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (Map.Entry<String, Object> command : commands) {
            chain = chain.thenCompose(ignored -> command(clinic, sessionId, command.getKey(),
                    command.getValue() == NO_BODY ? null : command.getValue()));
        }
        return chain;
    }

    private static final Object NO_BODY = new Object();

    private CompletableFuture<Void> command(Clinic clinic, String sessionId, String operation, Object body) {
        String endpoint = "POST /sessions/{id}/" + operation;
        return http.post(endpoint, uri(endpoints.session(), "/sessions/" + sessionId + "/" + operation),
                tokens.bearer(clinic.therapist()), body).thenAccept(answer -> expect(answer, 200, endpoint));
    }

    private void awaitAppointment(Clinic clinic, String caseId, long completed) {
        CompletableFuture<?> wait = poll(() -> http.get("GET /cases/{id}/appointments",
                        uri(endpoints.followup(), "/cases/" + caseId + "/appointments"), tokens.bearer(clinic.frontDesk())),
                answer -> answer.ok() && answer.body() != null && !answer.body().isEmpty(), APPOINTMENT_WAIT)
                .handle((answer, failure) -> {
                    if (failure == null) {
                        latencies.record(COMPLETION_TO_APPOINTMENT, System.nanoTime() - completed);
                        count("appointments found");
                        for (JsonNode appointment : answer.body()) {
                            booked.add(Map.entry(appointment.path("appointmentId").asText(), clinic));
                        }
                    } else {
                        // A full calendar gives a follow-up task instead of an appointment.
                        count("no appointment within " + APPOINTMENT_WAIT.toSeconds() + " s");
                    }
                    return null;
                });
        followUps.add(wait);
        wait.whenComplete((ignored, failure) -> followUps.remove(wait));
    }

    /** The plan's steps the session skips: all but the explanation, palpation and what the plan excluded. */
    static List<String> skippedSteps(JsonNode assessment) {
        List<String> skipped = new ArrayList<>();
        JsonNode steps = assessment == null ? null : assessment.path("reasoning").path("steps");
        if (steps == null || !steps.isArray()) {
            return skipped;
        }
        for (JsonNode step : steps) {
            String name = step.path("step").asText();
            if (!List.of("EXPLANATION_AND_CONSENT", "PALPATION").contains(name)
                    && !"EXCLUDED".equals(step.path("status").asText())) {
                skipped.add(name);
            }
        }
        return skipped;
    }

    /** Calls until {@code done} holds for the answer, every {@link #POLL}, for at most {@code atMost}. */
    private static CompletableFuture<Http.Answer> poll(Supplier<CompletableFuture<Http.Answer>> call,
                                                       Predicate<Http.Answer> done, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        CompletableFuture<Http.Answer> result = new CompletableFuture<>();
        attempt(call, done, deadline, result, 0);
        return result;
    }

    /** The wait before poll number {@code attempt} + 1: 20 ms 25 times, then 100 ms 45 times, then 250 ms. */
    static Duration pollDelay(int attempt) {
        return attempt < 25 ? POLL : attempt < 70 ? Duration.ofMillis(100) : Duration.ofMillis(250);
    }

    private static void attempt(Supplier<CompletableFuture<Http.Answer>> call, Predicate<Http.Answer> done,
                                long deadline, CompletableFuture<Http.Answer> result, int attempt) {
        call.get().whenComplete((answer, failure) -> {
            if (failure != null) {
                result.completeExceptionally(failure);
            } else if (done.test(answer)) {
                result.complete(answer);
            } else if (System.nanoTime() > deadline) {
                result.completeExceptionally(new TimeoutException("still " + answer.status() + " after the wait"));
            } else {
                CompletableFuture.delayedExecutor(pollDelay(attempt).toMillis(), TimeUnit.MILLISECONDS)
                        .execute(() -> attempt(call, done, deadline, result, attempt + 1));
            }
        });
    }

    private static void expect(Http.Answer answer, int status, String endpoint) {
        if (answer.status() != status) {
            throw new UnexpectedAnswer(endpoint + " answered " + answer.status()
                    + (answer.body() == null ? "" : " " + answer.body().path("type").asText("")));
        }
    }

    private void count(String name) {
        counts.computeIfAbsent(name, ignored -> new LongAdder()).increment();
    }

    private static String reason(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause instanceof UnexpectedAnswer ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    private static URI uri(URI base, String path) {
        return base.resolve(path);
    }

    /** A service answered with a status the flow did not expect. */
    static final class UnexpectedAnswer extends RuntimeException {
        UnexpectedAnswer(String message) {
            super(message, null, false, false);
        }
    }
}
