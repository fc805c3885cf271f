package care.sciatica.bench;

import java.time.Duration;

/** The arithmetic of the report: rates, ratios and what a case costs, rounded for reading. */
public final class Throughput {

    private Throughput() {
    }

    /** Events per second over {@code elapsed}. */
    public static double perSecond(long count, Duration elapsed) {
        if (elapsed.isZero() || elapsed.isNegative()) {
            return 0;
        }
        return round(count * 1_000_000_000.0 / elapsed.toNanos(), 2);
    }

    /** {@code part / whole}, e.g. intakes/s over the baseline's transactions/s; 0 when there is no whole. */
    public static double ratio(double part, double whole) {
        return whole <= 0 ? 0 : round(part / whole, 4);
    }

    /** How many of something (commits, CPU seconds) one case cost. */
    public static double perCase(double total, long cases) {
        return cases == 0 ? 0 : round(total / cases, 2);
    }

    /**
     * The full-flow target of issue 17: half of what the database allows for a case of {@code writesPerCase}
     * transactions, e.g. 0.5 × 6,800 ÷ 15 ≈ 227 cases/s.
     */
    public static double fullFlowTarget(double baselineTps, int writesPerCase) {
        return round(0.5 * baselineTps / writesPerCase, 2);
    }

    static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}
