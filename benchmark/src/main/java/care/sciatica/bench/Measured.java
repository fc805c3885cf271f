package care.sciatica.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The cost of one load run, measured around it: commits per service database, CPU seconds and memory per process,
 * how busy the host was.
 */
public final class Measured {

    /** Before the run: the counters to subtract. */
    public record Start(DatabaseCommits.Snapshot commits, Map<String, ServiceProcesses.Sample> processes,
                        ServiceProcesses.HostCpu host, long nanos) {
    }

    /** One process's share of the run. */
    public record ProcessCost(long pid, double cpuSeconds, double cpuShareOfOneCore, double cpuMillisPerUnit,
                              long rssMb, long peakRssMb) {
    }

    /** What the run cost, per database and per process, with {@code units} cases (or intakes) to divide by. */
    public record Cost(Duration elapsed, long units, DatabaseCommits.Snapshot commits, Map<String, Double> commitsPerUnit,
                       Map<String, Double> rowsWrittenPerUnit, double writeTransactionsPerUnit,
                       Map<String, ProcessCost> processes, double hostBusy, String loadAverage) {
    }

    private final DatabaseCommits databaseCommits;
    private final Map<String, Long> pids;

    /** {@code pids}: the processes to watch, by name (intake-service → its pid). */
    public Measured(DatabaseCommits databaseCommits, Map<String, Long> pids) {
        this.databaseCommits = databaseCommits;
        this.pids = Map.copyOf(pids);
    }

    public Start start() {
        Map<String, ServiceProcesses.Sample> samples = samples();
        return new Start(databaseCommits.snapshot(), samples, ServiceProcesses.HostCpu.now(), System.nanoTime());
    }

    /** Call after the load stopped and the statistics were flushed (a second or two). */
    public Cost end(Start start, long units, Duration loadElapsed) {
        ServiceProcesses.HostCpu host = ServiceProcesses.HostCpu.now();
        Map<String, ServiceProcesses.Sample> now = samples();
        DatabaseCommits.Snapshot commits = databaseCommits.snapshot().minus(start.commits());
        Duration measured = Duration.ofNanos(System.nanoTime() - start.nanos());
        Map<String, ProcessCost> processes = new LinkedHashMap<>();
        now.forEach((name, sample) -> {
            ServiceProcesses.Sample before = start.processes().get(name);
            if (before == null || before.pid() != sample.pid()) {
                return;
            }
            double cpu = sample.cpuSecondsSince(before);
            processes.put(name, new ProcessCost(sample.pid(), Throughput.round(cpu, 2),
                    Throughput.round(cpu * 1e9 / measured.toNanos(), 3),
                    units == 0 ? 0 : Throughput.round(cpu * 1000 / units, 2),
                    sample.rssKb() / 1024, sample.peakRssKb() / 1024));
        });
        return new Cost(loadElapsed, units, commits, commits.perCase(units), commits.rowsPerCase(units),
                Throughput.perCase(commits.transactionIds(), units), processes, host.busySince(start.host()),
                loadAverage());
    }

    /** /proc/loadavg's 1, 5 and 15 minute figures: how crowded the machine was (other work counts too). */
    static String loadAverage() {
        try {
            String[] fields = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private Map<String, ServiceProcesses.Sample> samples() {
        Map<String, ServiceProcesses.Sample> samples = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            Optional<ServiceProcesses.Sample> sample = ServiceProcesses.sample(pid);
            sample.ifPresent(s -> samples.put(name, s));
        });
        return samples;
    }
}
