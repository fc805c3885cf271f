package care.sciatica.followup.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** For any attempt and any random source, a retry delay is jittered downwards only, bounded, and never shrinks. */
class RetrySchedulePropertiesTest {

    @Property
    void aDelayStaysBetweenTheJitteredAndTheNominalDelayAndNeverAboveTheCap(@ForAll @IntRange(min = 1, max = 200) int attempt,
                                                                           @ForAll long seed) {
        RetrySchedule schedule = new RetrySchedule(Duration.ofMillis(50), 2.5, Duration.ofMinutes(30), 500, 0.3);

        Duration delay = schedule.delayAfter(attempt, new Random(seed)).orElseThrow();
        Duration nominal = schedule.nominalDelay(attempt);

        assertThat(delay).isLessThanOrEqualTo(nominal).isLessThanOrEqualTo(Duration.ofMinutes(30));
        assertThat(delay.toMillis()).isGreaterThanOrEqualTo((long) Math.floor(nominal.toMillis() * 0.7));
        assertThat(schedule.nominalDelay(attempt + 1)).isGreaterThanOrEqualTo(nominal);
    }
}
