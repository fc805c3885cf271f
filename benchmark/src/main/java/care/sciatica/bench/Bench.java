package care.sciatica.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark: the PostgreSQL baseline first, then the pipeline of the running local stack (./run-local) in the
 * chosen modes; prints the figures and their ratios to the baseline and writes them as JSON and Markdown.
 */
public final class Bench {

    /** The write transactions a case may cost by the target (the design's estimate: 12–15). */
    static final int TARGET_WRITES_PER_CASE = 15;
    static final int TARGET_RSS_MB = 300;

    /** The processes watched: the four services, Keycloak, and the local stack's JVM (the in-process Kafka). */
    static final Map<String, Integer> PORTS = orderedPorts();
    static final List<String> DATABASES = List.of("intake", "assessment", "session", "followup");
    private static final Pattern STARTED_IN = Pattern.compile("started in ([0-9.]+)s");

    private final Options options;
    private final Map<String, Object> report = new LinkedHashMap<>();
    private final Map<String, Object> modes = new LinkedHashMap<>();
    private double baselineTps;

    Bench(Options options) {
        this.options = options;
    }

    public static void main(String[] args) {
        // ./bench checks the command line this way before it starts a stack for the run.
        boolean checkOnly = args.length > 0 && args[0].equals("--check-options");
        Options options;
        try {
            options = Options.parse(checkOnly ? java.util.Arrays.copyOfRange(args, 1, args.length) : args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + System.lineSeparator() + Options.USAGE);
            System.exit(2);
            return;
        }
        if (checkOnly) {
            System.exit(0);
        }
        try {
            new Bench(options).run();
        } catch (RuntimeException e) {
            System.err.println("The benchmark stopped: " + e.getMessage());
            System.exit(1);
        }
        System.exit(0);
    }

    void run() {
        Path out = options.out();
        create(out);
        report.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        report.put("host", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "java", System.getProperty("java.version")));
        report.put("options", Map.of("modes", options.modes(), "duration_s", options.duration().toSeconds(),
                "clients", options.clients(), "clinics", options.clinics(), "rate_cases_per_s", options.rate()));

        String dbHost = env("SCIATICA_DB_HOST", "127.0.0.1");
        int dbPort = Integer.parseInt(env("SCIATICA_DB_PORT", "5432"));
        String dbUser = env("SCIATICA_DB_USER", "sciatica");
        String dbPassword = env("SCIATICA_DB_PASSWORD", "sciatica");

        if (options.runs("baseline")) {
            log("PostgreSQL baseline: pgbench, %d clients, %d s".formatted(options.clients(),
                    options.baseline().toSeconds()));
            PgBaseline.Result baseline = new PgBaseline(dbHost, dbPort, dbUser, dbPassword)
                    .run(options.clients(), options.baseline(), out);
            baselineTps = baseline.tps();
            report.put("baseline", Map.of("tps", baseline.tps(), "clients", baseline.clients(),
                    "duration_s", baseline.duration().toSeconds(),
                    "transaction", "one ~1 KB row + one ~1 KB jsonb outbox row"));
            log("baseline: %.0f transactions/s".formatted(baseline.tps()));
        }

        boolean pipeline = options.modes().stream().anyMatch(mode -> !mode.equals("baseline"));
        if (pipeline) {
            runPipeline(out, new DatabaseCommits("jdbc:postgresql://%s:%d/postgres".formatted(dbHost, dbPort), dbUser,
                    dbPassword, DATABASES));
        }
        report.put("modes", modes);
        report.put("targets", targets());
        write(out);
    }

    private void runPipeline(Path out, DatabaseCommits commits) {
        Map<String, Long> pids = new LinkedHashMap<>();
        PORTS.forEach((name, port) -> {
            OptionalLong pid = ServiceProcesses.pidListeningOn(port);
            pid.ifPresent(found -> pids.put(name, found));
        });
        if (!pids.containsKey("intake-service")) {
            throw new IllegalStateException("Nothing listens on 127.0.0.1:8081: start ./run-local first (./bench does)");
        }
        report.put("processes", pids);
        report.put("ready_after_start_s", readiness());

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Tokens tokens = new Tokens(client, URI.create("http://127.0.0.1:8180/realms/clinic/protocol/openid-connect/token"));
        ObjectNode intake = intakeTemplate();
        Measured measured = new Measured(commits, pids);

        log("warm-up: 4 complete cases");
        Run warmUp = new Run(client, tokens, intake);
        Load.closedLoop(2, Duration.ofSeconds(1), i -> warmUp.flow.run(CaseFlow.Clinic.number(i)));
        warmUp.flow.awaitFollowUps(Duration.ofSeconds(20));
        warmUp.flow.cancelBooked(Duration.ofSeconds(30));
        if (warmUp.flow.total(CaseFlow.COMPLETED) == 0) {
            throw new IllegalStateException("No case went through in the warm-up: " + warmUp.flow.counts()
                    + " " + warmUp.http.statusCounts());
        }

        Map<String, Long> services = new LinkedHashMap<>(pids);
        services.keySet().retainAll(List.of("intake-service", "assessment-service", "session-service", "followup-service"));
        Profiles profiles = options.jfr() ? new Profiles(out, services) : null;
        if (profiles != null) {
            profiles.start();
        }
        try {
            if (options.runs("intake")) {
                log("intake only: %d front desks, closed loop, %d s".formatted(options.clients(),
                        options.duration().toSeconds()));
                Run run = new Run(client, tokens, intake);
                modes.put("intake", measure(commits, measured, run, CaseFlow.INTAKES, () -> Load.closedLoop(options.clients(),
                        options.duration(), i -> run.flow.intakeOnly(CaseFlow.Clinic.number(i)))));
            }
            if (options.runs("closed")) {
                log("complete cases: %d clinics, closed loop, %d s".formatted(options.clinics(),
                        options.duration().toSeconds()));
                Run run = new Run(client, tokens, intake);
                modes.put("closed", measure(commits, measured, run, CaseFlow.COMPLETED, () -> Load.closedLoop(options.clinics(),
                        options.duration(), cases(run))));
            }
            if (options.runs("open")) {
                log("complete cases: open loop, %.1f cases/s, %d s".formatted(options.rate(),
                        options.duration().toSeconds()));
                Run run = new Run(client, tokens, intake);
                modes.put("open", measure(commits, measured, run, CaseFlow.COMPLETED, () -> Load.openLoop(options.rate(),
                        options.duration(), cases(run))));
            }
            if (options.runs("endpoints")) {
                modes.put("endpoints", endpoints(client, tokens, intake));
            }
        } finally {
            if (profiles != null) {
                report.put("profiles", profiles.stop().stream().map(Path::toString).toList());
            }
        }
    }

    /** One mode's client side: its own histograms and counts. */
    private static final class Run {
        final Latencies latencies = new Latencies();
        final Http http;
        final CaseFlow flow;

        Run(HttpClient client, Tokens tokens, ObjectNode intake) {
            http = new Http(client, latencies);
            flow = new CaseFlow(http, tokens, CaseFlow.Endpoints.local(), latencies, intake);
        }
    }

    private static IntFunction<CompletableFuture<Void>> cases(Run run) {
        return i -> run.flow.run(CaseFlow.Clinic.number(i));
    }

    private Map<String, Object> measure(DatabaseCommits commits, Measured measured, Run run, String unit,
                                        java.util.function.Supplier<Load.Offered> load) {
        if (!commits.awaitQuiet(Duration.ofSeconds(120))) {
            log("the databases were still being written after 120 s; measuring anyway");
        }
        Measured.Start start = measured.start();
        Load.Offered offered = load.get();
        run.flow.awaitFollowUps(CaseFlow.APPOINTMENT_WAIT.plusSeconds(5));
        commits.awaitQuiet(Duration.ofSeconds(120)); // every event of the run consumed, its statistics flushed
        long units = run.flow.total(unit);
        Measured.Cost cost = measured.end(start, units, offered.elapsed());
        double rate = Throughput.perSecond(units, offered.elapsed());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("unit", unit);
        result.put("units", units);
        result.put("per_second", rate);
        if (baselineTps > 0) {
            result.put("ratio_to_baseline_tps", Throughput.ratio(rate, baselineTps));
            if (unit.equals(CaseFlow.COMPLETED)) {
                result.put("ratio_to_baseline_tps_over_15", Throughput.ratio(rate, baselineTps / TARGET_WRITES_PER_CASE));
            }
        }
        result.put("offered", offered);
        result.put("counts", run.flow.counts());
        result.put("cost", cost);
        result.put("latency_ms", run.latencies.summary());
        result.put("answers", run.http.statusCounts());
        result.put("polls_per_unit", pollsPerUnit(run.http.statusCounts(), units));
        log("%s: %.2f/s (%d)".formatted(unit, rate, units));
        long cancelled = run.flow.cancelBooked(Duration.ofSeconds(60));
        if (cancelled > 0) {
            log("cancelled the %d appointments of this run (calendars free for the next)".formatted(cancelled));
        }
        return result;
    }

    /**
     * The reads the benchmark itself made per case, by service database: they are in xact_commit too (the GETs, and
     * the session openings refused with 404 until the plan arrived).
     */
    static Map<String, Double> pollsPerUnit(Map<String, Long> answers, long units) {
        Map<String, Long> polls = new LinkedHashMap<>();
        answers.forEach((key, count) -> {
            String database = key.startsWith("GET /cases/{id}/assessment") ? "assessment"
                    : key.startsWith("GET /cases/{id}/appointments") ? "followup"
                    : key.equals("POST /sessions 404") ? "session" : null;
            if (database != null) {
                polls.merge(database, count, Long::sum);
            }
        });
        Map<String, Double> perUnit = new LinkedHashMap<>();
        polls.forEach((database, count) -> perUnit.put(database, Throughput.perCase(count, units)));
        return perUnit;
    }

    /** Each read endpoint alone: 8 callers, closed loop, on one case made for it. */
    private Map<String, Object> endpoints(HttpClient client, Tokens tokens, ObjectNode intake) {
        Run setup = new Run(client, tokens, intake);
        CaseFlow.Clinic clinic = CaseFlow.Clinic.number(0);
        setup.flow.run(clinic).join();
        setup.flow.awaitFollowUps(Duration.ofSeconds(20));
        String caseId = setup.flow.lastCaseId();
        setup.flow.cancelBooked(Duration.ofSeconds(30));
        Map<String, URI> reads = new LinkedHashMap<>();
        reads.put("GET /cases/{id}/assessment", URI.create("http://127.0.0.1:8082/cases/" + caseId + "/assessment"));
        reads.put("GET /cases/{id}/appointments", URI.create("http://127.0.0.1:8084/cases/" + caseId + "/appointments"));
        reads.put("GET /q/health/ready (intake)", URI.create("http://127.0.0.1:8081/q/health/ready"));
        Map<String, Object> results = new LinkedHashMap<>();
        reads.forEach((endpoint, uri) -> {
            log("endpoint alone: " + endpoint);
            Run run = new Run(client, tokens, intake);
            String user = endpoint.contains("appointments") ? clinic.frontDesk() : clinic.therapist();
            Load.Offered offered = Load.closedLoop(options.clients(), options.endpointDuration(),
                    i -> run.http.get(endpoint, uri, tokens.bearer(user)).thenAccept(answer -> { }));
            results.put(endpoint, Map.of("per_second", Throughput.perSecond(run.latencies.count(endpoint),
                            offered.elapsed()), "latency_ms", run.latencies.summary().get(endpoint),
                    "answers", run.http.statusCounts()));
        });
        return results;
    }

    private Map<String, Object> targets() {
        Map<String, Object> targets = new LinkedHashMap<>();
        if (baselineTps <= 0) {
            return targets;
        }
        double fullFlowTarget = Throughput.fullFlowTarget(baselineTps, TARGET_WRITES_PER_CASE);
        if (modes.get("closed") instanceof Map<?, ?> closed) {
            double rate = (double) closed.get("per_second");
            targets.put("full flow ≥ 50 % of baseline ÷ 15 (" + fullFlowTarget + " cases/s)",
                    Map.of("measured", rate, "met", rate >= fullFlowTarget));
        }
        if (modes.get("intake") instanceof Map<?, ?> intake) {
            double rate = (double) intake.get("per_second");
            targets.put("intakes ≥ 50 % of baseline (" + Throughput.round(baselineTps / 2, 0) + " /s)",
                    Map.of("measured", rate, "met", rate >= baselineTps / 2));
        }
        return targets;
    }

    /** "started in 3.456s" from each service's log of the current run-local (.local-run/logs). */
    private static Map<String, Double> readiness() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (String service : List.of("intake-service", "assessment-service", "session-service", "followup-service")) {
            Path log = Path.of(".local-run/logs", service + ".log");
            try {
                Matcher started = STARTED_IN.matcher(Files.readString(log));
                Double last = null;
                while (started.find()) {
                    last = Double.parseDouble(started.group(1));
                }
                if (last != null) {
                    seconds.put(service, last);
                }
            } catch (IOException | RuntimeException e) {
                // no log: the stack was started elsewhere
            }
        }
        return seconds;
    }

    private static ObjectNode intakeTemplate() {
        try {
            return (ObjectNode) Http.JSON.readTree(Path.of("seeds/demo/intake-lumbar.json").toFile());
        } catch (IOException e) {
            throw new IllegalStateException("Run ./bench from the repository root (seeds/demo/intake-lumbar.json)", e);
        }
    }

    private void write(Path out) {
        try {
            SimpleModule durations = new SimpleModule().addSerializer(Duration.class, new JsonSerializer<>() {
                @Override
                public void serialize(Duration value, JsonGenerator generator, SerializerProvider provider)
                        throws IOException {
                    generator.writeNumber(Throughput.round(value.toNanos() / 1e9, 3));
                }
            });
            Path json = out.resolve("bench.json");
            Http.JSON.copy().registerModule(durations).enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(json.toFile(), report);
            String markdown = Report.markdown(Http.JSON.copy().registerModule(durations).valueToTree(report));
            Path md = out.resolve("bench.md");
            Files.writeString(md, markdown);
            System.out.println();
            System.out.println(markdown);
            log("figures written to " + json + " and " + md);
        } catch (IOException e) {
            throw new IllegalStateException("Could not write the figures to " + out + ": " + e, e);
        }
    }

    private static Map<String, Integer> orderedPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("intake-service", 8081);
        ports.put("assessment-service", 8082);
        ports.put("session-service", 8083);
        ports.put("followup-service", 8084);
        ports.put("keycloak", 8180);
        ports.put("local-stack (kafka)", 9092);
        return ports;
    }

    private static void create(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new IllegalStateException("Could not create " + directory, e);
        }
    }

    private static String env(String name, String fallback) {
        return System.getenv().getOrDefault(name, fallback);
    }

    static void log(String message) {
        System.out.println("[bench] " + message);
    }
}
