package care.sciatica.followup.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final RetrySchedule STANDARD = RetrySchedule.standard();

    @Test
    void theNominalDelayGrowsByTheMultiplierUntilTheCap() {
        List<Duration> nominal = new ArrayList<>();
        for (int attempt = 1; attempt < STANDARD.maxAttempts(); attempt++) {
            nominal.add(STANDARD.nominalDelay(attempt));
        }

        assertThat(nominal).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(80),
                Duration.ofSeconds(320), Duration.ofSeconds(1280), Duration.ofSeconds(5120), Duration.ofSeconds(20480),
                Duration.ofHours(10), Duration.ofHours(10));
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        Random random = new Random(42);

        assertThat(STANDARD.delayAfter(9, random)).isPresent();
        assertThat(STANDARD.delayAfter(10, random)).isEmpty();
        assertThat(STANDARD.delayAfter(11, random)).isEmpty();
        assertThat(new RetrySchedule(Duration.ofMillis(10), 2, Duration.ofMillis(10), 1, 0).delayAfter(1, random)).isEmpty();
    }

    @Test
    void theWholeScheduleSpansRoughlyADay() {
        Random random = new Random(7);
        Duration total = Duration.ZERO;
        int retries = 0;
        for (int attempt = 1; ; attempt++) {
            Optional<Duration> next = STANDARD.delayAfter(attempt, random);
            if (next.isEmpty()) {
                break;
            }
            total = total.plus(next.get());
            retries++;
        }

        assertThat(retries).isEqualTo(9);
        assertThat(total).isBetween(Duration.ofHours(22), Duration.ofHours(28));
    }

    @Test
    void theSameSeedGivesTheSameDelaysAndJitterSpreadsThem() {
        assertThat(STANDARD.delayAfter(4, new Random(1))).isEqualTo(STANDARD.delayAfter(4, new Random(1)));
        long distinct = new Random(3).longs(20).mapToObj(seed -> STANDARD.delayAfter(4, new Random(seed)).orElseThrow())
                .distinct().count();
        assertThat(distinct).isGreaterThan(10);
    }

    @Test
    void refusesASenselessSchedule() {
        assertThatThrownBy(() -> new RetrySchedule(Duration.ZERO, 2, Duration.ofSeconds(1), 3, 0.1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySchedule(Duration.ofSeconds(1), 0.5, Duration.ofSeconds(1), 3, 0.1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySchedule(Duration.ofSeconds(2), 2, Duration.ofSeconds(1), 3, 0.1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySchedule(Duration.ofSeconds(1), 2, Duration.ofSeconds(1), 0, 0.1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySchedule(Duration.ofSeconds(1), 2, Duration.ofSeconds(1), 3, 1.0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> STANDARD.delayAfter(0, new Random())).isInstanceOf(IllegalArgumentException.class);
    }
}
