package care.sciatica.platform.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.stream.Stream;

/**
 * Histogram buckets that resolve milliseconds for the latencies the operations board shows: the HTTP server timers
 * ({@code http_server_requests_seconds}) and the flow timers ({@code sciatica_flow_seconds}) get fixed buckets from
 * 5 ms to 10 s; the flow timers also keep a few long ones up to 30 days, because a step that waits for a person
 * (plan → session) takes hours or days. Fixed buckets keep the series count small (14 for HTTP, 23 for a flow).
 */
@Singleton
public class LatencyBuckets {

    static final String HTTP_SERVER = "http.server.requests";

    /** 5 ms to 10 s: where a request or a machine step of the flow lies. */
    static final Duration[] FAST = durations(5, 10, 25, 50, 75, 100, 150, 250, 500, 750, 1_000, 2_500, 5_000, 10_000);

    /** Beyond 10 s: steps that wait for people (30 s to 30 days). */
    static final Duration[] SLOW = {Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(4), Duration.ofDays(1), Duration.ofDays(7),
            Duration.ofDays(30)};

    @Produces
    @Singleton
    public MeterFilter latencyBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (HTTP_SERVER.equals(id.getName())) {
                    return buckets(FAST).merge(config);
                }
                if (FlowTimers.NAME.equals(id.getName())) {
                    return buckets(Stream.concat(Stream.of(FAST), Stream.of(SLOW)).toArray(Duration[]::new)).merge(config);
                }
                return config;
            }
        };
    }

    private static DistributionStatisticConfig buckets(Duration[] bounds) {
        return DistributionStatisticConfig.builder()
                .percentilesHistogram(false)
                .serviceLevelObjectives(Stream.of(bounds).mapToDouble(Duration::toNanos).toArray())
                .build();
    }

    private static Duration[] durations(long... millis) {
        return java.util.stream.LongStream.of(millis).mapToObj(Duration::ofMillis).toArray(Duration[]::new);
    }
}
