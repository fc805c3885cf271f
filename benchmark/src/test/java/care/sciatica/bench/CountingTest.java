package care.sciatica.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The benchmark's own arithmetic on a small fake run: histograms, rates, ratios, commit deltas, /proc parsing. */
class CountingTest {

    @Test
    void percentilesOfAHundredKnownLatencies() {
        Latencies latencies = new Latencies();
        for (int millis = 1; millis <= 100; millis++) {
            latencies.record("POST /intakes", TimeUnit.MILLISECONDS.toNanos(millis));
        }

        Latencies.Percentiles intake = latencies.summary().get("POST /intakes");

        assertThat(intake.count()).isEqualTo(100);
        assertThat(intake.p50()).isCloseTo(50, within(0.1));
        assertThat(intake.p95()).isCloseTo(95, within(0.1));
        assertThat(intake.p99()).isCloseTo(99, within(0.1));
        assertThat(intake.max()).isCloseTo(100, within(0.1));
    }

    @Test
    void ratesAndRatiosToTheBaseline() {
        double casesPerSecond = Throughput.perSecond(390, Duration.ofSeconds(30));
        double intakesPerSecond = Throughput.perSecond(4410, Duration.ofSeconds(30));

        assertThat(casesPerSecond).isEqualTo(13.0);
        assertThat(intakesPerSecond).isEqualTo(147.0);
        assertThat(Throughput.ratio(intakesPerSecond, 6800)).isEqualTo(0.0216);
        assertThat(Throughput.ratio(casesPerSecond, 6800.0 / 15)).isEqualTo(0.0287);
        assertThat(Throughput.fullFlowTarget(6800, 15)).isEqualTo(226.67);
        assertThat(Throughput.perSecond(5, Duration.ZERO)).isZero();
        assertThat(Throughput.ratio(5, 0)).isZero();
    }

    @Test
    void transactionsPerCaseFromTwoSnapshots() {
        DatabaseCommits.Snapshot before = new DatabaseCommits.Snapshot(
                Map.of("intake", 1_000L, "assessment", 500L), Map.of("intake", 40L, "assessment", 0L), 9_000);
        DatabaseCommits.Snapshot after = new DatabaseCommits.Snapshot(
                Map.of("intake", 1_020L, "assessment", 550L, "session", 210L),
                Map.of("intake", 80L, "assessment", 30L, "session", 100L), 9_370);

        DatabaseCommits.Snapshot delta = after.minus(before);

        assertThat(delta.commits()).containsEntry("intake", 20L).containsEntry("assessment", 50L)
                .containsEntry("session", 210L);
        assertThat(delta.totalCommits()).isEqualTo(280);
        assertThat(delta.transactionIds()).isEqualTo(370);
        assertThat(delta.perCase(10)).containsEntry("intake", 2.0).containsEntry("assessment", 5.0)
                .containsEntry("session", 21.0);
        assertThat(delta.rowsPerCase(10)).containsEntry("intake", 4.0).containsEntry("session", 10.0);
        assertThat(delta.perCase(0)).containsEntry("intake", 0.0);
    }

    @Test
    void thePollsOfARunAreCountedPerCaseByDatabase() {
        Map<String, Long> answers = Map.of("GET /cases/{id}/assessment 404", 30L,
                "GET /cases/{id}/assessment 200", 10L, "POST /sessions 404", 5L, "POST /sessions 201", 10L,
                "GET /cases/{id}/appointments 200", 20L, "POST /intakes 201", 10L);

        assertThat(Bench.pollsPerUnit(answers, 10)).containsEntry("assessment", 4.0).containsEntry("session", 0.5)
                .containsEntry("followup", 2.0).hasSize(3);
    }

    @Test
    void pollsAreFrequentAtFirstAndBackOffDuringALongWait() {
        assertThat(CaseFlow.pollDelay(0)).isEqualTo(Duration.ofMillis(20));
        assertThat(CaseFlow.pollDelay(24)).isEqualTo(Duration.ofMillis(20));
        assertThat(CaseFlow.pollDelay(25)).isEqualTo(Duration.ofMillis(100));
        assertThat(CaseFlow.pollDelay(70)).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void aClosedLoopRunsOneUnitAfterAnotherPerWorkerAndCountsThemAll() {
        AtomicInteger done = new AtomicInteger();

        Load.Offered offered = Load.closedLoop(3, Duration.ofMillis(200), i -> CompletableFuture.runAsync(
                done::incrementAndGet, CompletableFuture.delayedExecutor(10, TimeUnit.MILLISECONDS)));

        assertThat(offered.started()).isEqualTo(done.get()).isPositive();
        assertThat(offered.refused()).isZero();
    }

    @Test
    void cpuTicksAndMemoryFromProc(@org.junit.jupiter.api.io.TempDir Path directory) throws Exception {
        // utime 1500 and stime 250 ticks; the command name holds a space and a parenthesis
        String stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 100 0 0 0 1500 250 0 0 20 0 60 0 1000 0 0";
        assertThat(ServiceProcesses.cpuTicks(stat)).isEqualTo(1750);
        ServiceProcesses.Sample before = new ServiceProcesses.Sample(4242, 1750, 0, 0);
        ServiceProcesses.Sample after = new ServiceProcesses.Sample(4242, 2250, 0, 0);
        assertThat(after.cpuSecondsSince(before)).isEqualTo(5.0);

        assertThat(ServiceProcesses.status(List.of("Name:\tjava", "VmHWM:\t  312000 kB", "VmRSS:\t  250880 kB",
                "Threads:\t42"))).containsEntry("VmRSS", 250880L).containsEntry("VmHWM", 312000L).hasSize(2);

        Path tcp = directory.resolve("tcp");
        Files.writeString(tcp, """
                  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
                   0: 0100007F:1F91 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 77001 1
                   1: 0100007F:1F91 0100007F:9C40 01 00000000:00000000 00:00000000 00000000     0        0 77002 1
                   2: 0100007F:1F92 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 77003 1
                """);
        assertThat(ServiceProcesses.listeningInodes(tcp, 8081)).containsExactly("77001");
    }
}
