package care.sciatica.followup.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class DeliveryOutcomeTest {

    @ParameterizedTest(name = "HTTP {0} -> {1}")
    @CsvSource(textBlock = """
            200, DELIVERED
            201, DELIVERED
            202, DELIVERED
            204, DELIVERED
            299, DELIVERED
            410, ENDPOINT_GONE
            429, THROTTLED
            502, THROTTLED
            503, THROTTLED
            504, THROTTLED
            400, FAILED
            401, FAILED
            403, FAILED
            404, FAILED
            409, FAILED
            500, FAILED
            501, FAILED
            301, FAILED
            302, FAILED
            101, FAILED
            """)
    void classifiesTheStatusOfAnAnsweredAttempt(int status, DeliveryOutcome expected) {
        assertThat(DeliveryOutcome.ofStatus(status)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: delivered {1}, disables {2}, retries {3}")
    @CsvSource(textBlock = """
            DELIVERED,     true,  false, false
            ENDPOINT_GONE, false, true,  false
            THROTTLED,     false, false, true
            FAILED,        false, false, true
            TIMED_OUT,     false, false, true
            UNREACHABLE,   false, false, true
            """)
    void eachOutcomeSaysWhatHappensNext(DeliveryOutcome outcome, boolean delivered, boolean disables, boolean retries) {
        assertThat(outcome.succeeded()).isEqualTo(delivered);
        assertThat(outcome.disablesSubscription()).isEqualTo(disables);
        assertThat(outcome.retries()).isEqualTo(retries);
    }

    @ParameterizedTest
    @EnumSource(DeliveryOutcome.class)
    void everyOutcomeIsExactlyOneOfDeliveredDisabledOrRetried(DeliveryOutcome outcome) {
        int verdicts = (outcome.succeeded() ? 1 : 0) + (outcome.disablesSubscription() ? 1 : 0) + (outcome.retries() ? 1 : 0);

        assertThat(verdicts).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 99, 600, 1000})
    void refusesWhatIsNotAnHttpStatus(int status) {
        assertThatThrownBy(() -> DeliveryOutcome.ofStatus(status)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTimeoutIsRetried() {
        assertThat(DeliveryOutcome.TIMED_OUT.retries()).isTrue();
    }
}
