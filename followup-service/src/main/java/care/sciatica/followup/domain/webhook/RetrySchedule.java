package care.sciatica.followup.domain.webhook;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to try a failed webhook delivery again: exponential backoff from {@code firstDelay} by {@code multiplier}, capped
 * at {@code maxDelay}, each delay shortened by a random share of up to {@code jitter} so that many failed deliveries do
 * not all come back at the same moment; after {@code maxAttempts} attempts the delivery gives up.
 */
public record RetrySchedule(Duration firstDelay, double multiplier, Duration maxDelay, int maxAttempts, double jitter) {

    public RetrySchedule {
        if (firstDelay == null || firstDelay.isNegative() || firstDelay.isZero()) {
            throw new IllegalArgumentException("firstDelay must be positive");
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be at least 1");
        }
        if (maxDelay == null || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("maxDelay must not be below firstDelay");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (!(jitter >= 0.0 && jitter < 1.0)) {
            throw new IllegalArgumentException("jitter is a share in [0, 1)");
        }
    }

    /**
     * The production schedule: 10 attempts over a little more than a day (5 s, 20 s, 80 s, 5 min, 21 min, 85 min, 5.7 h,
     * then 10 h twice), like the Standard Webhooks example of retrying "over days".
     */
    public static RetrySchedule standard() {
        return new RetrySchedule(Duration.ofSeconds(5), 4.0, Duration.ofHours(10), 10, 0.2);
    }

    /**
     * How long to wait after the {@code attemptsMade}-th attempt failed (the first delivery is attempt 1), or empty when
     * that was the last attempt allowed and the delivery gives up.
     */
    public Optional<Duration> delayAfter(int attemptsMade, RandomGenerator random) {
        if (attemptsMade < 1) {
            throw new IllegalArgumentException("attemptsMade starts at 1, got " + attemptsMade);
        }
        if (attemptsMade >= maxAttempts) {
            return Optional.empty();
        }
        double nominal = nominalMillis(attemptsMade);
        return Optional.of(Duration.ofMillis(Math.round(nominal * (1.0 - jitter * random.nextDouble()))));
    }

    /** The delay before jitter; grows by the multiplier per attempt until it reaches {@code maxDelay}. */
    public Duration nominalDelay(int attemptsMade) {
        return Duration.ofMillis(Math.round(nominalMillis(attemptsMade)));
    }

    private double nominalMillis(int attemptsMade) {
        // In double and capped before converting, so a large attempt number cannot overflow.
        double grown = firstDelay.toMillis() * Math.pow(multiplier, attemptsMade - 1);
        return Math.min(grown, maxDelay.toMillis());
    }
}
