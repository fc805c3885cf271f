package care.sciatica.platform.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;

/**
 * The {@code sciatica_flow_seconds{site,from,to}} timers: how long a case took from one step of the flow to another;
 * their histogram buckets come from {@link LatencyBuckets}.
 */
@ApplicationScoped
public class FlowTimers {

    static final String NAME = "sciatica.flow";

    private final MeterRegistry registry;

    public FlowTimers(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Records the time from {@code start} to {@code end} once the current transaction has committed. */
    public void record(String site, String from, String to, Instant start, Instant end) {
        if (start == null || end == null) {
            return;
        }
        Duration took = Duration.between(start, end);
        // Clocks of different hosts may disagree by a little; a negative duration means "at once".
        Duration measured = took.isNegative() ? Duration.ZERO : took;
        AfterCommit.run(() -> Timer.builder(NAME)
                .description("Time a case took from one step of the flow to the next")
                .tag("site", site).tag("from", from).tag("to", to)
                // Buckets: LatencyBuckets (5 ms to 10 s, then up to 30 days).
                .register(registry)
                .record(measured));
    }
}
