package care.sciatica.bench;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Latency histograms by name (an HTTP call, a step of the flow), in microseconds, 1 µs to 10 min at 3 digits. */
public final class Latencies {

    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);

    private final Map<String, Histogram> byName = new ConcurrentHashMap<>();

    public void record(String name, long nanos) {
        long micros = Math.max(1, Math.min(HIGHEST_MICROS, TimeUnit.NANOSECONDS.toMicros(nanos)));
        byName.computeIfAbsent(name, ignored -> new ConcurrentHistogram(HIGHEST_MICROS, 3)).recordValue(micros);
    }

    public long count(String name) {
        Histogram histogram = byName.get(name);
        return histogram == null ? 0 : histogram.getTotalCount();
    }

    /** Every histogram's percentiles, by name in alphabetical order. */
    public Map<String, Percentiles> summary() {
        Map<String, Percentiles> summary = new TreeMap<>();
        byName.forEach((name, histogram) -> summary.put(name, Percentiles.of(histogram)));
        return summary;
    }

    /** What the report shows of one histogram, in milliseconds. */
    public record Percentiles(long count, double p50, double p95, double p99, double max) {

        static Percentiles of(Histogram histogram) {
            Histogram copy = histogram.copy();
            return new Percentiles(copy.getTotalCount(), millis(copy.getValueAtPercentile(50)),
                    millis(copy.getValueAtPercentile(95)), millis(copy.getValueAtPercentile(99)),
                    millis(copy.getMaxValue()));
        }

        private static double millis(long micros) {
            return Math.round(micros / 10.0) / 100.0;
        }
    }
}
