package care.sciatica.platform.failure;

import static org.assertj.core.api.Assertions.assertThat;

import care.sciatica.platform.inbox.PoisonEventException;
import com.fasterxml.jackson.core.JsonParseException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** An outage is waited out; a failure of the work itself is retried a few times, then dead-lettered. */
class OutageTest {

    @ParameterizedTest
    @ValueSource(strings = {"53300", "08006", "08001", "57P01", "57P03"})
    void theServerUnableToServeIsAnOutage(String sqlState) {
        assertThat(Outage.isCauseOf(new CompletionException(new PgException("down", "FATAL", sqlState, null))))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"23505", "22P02", "40001", "42P01"})
    void aRefusalOfTheWorkIsNoOutage(String sqlState) {
        assertThat(Outage.isCauseOf(new PgException("refused", "ERROR", sqlState, null))).isFalse();
    }

    @Test
    void aLostConnectionIsAnOutage() {
        assertThat(Outage.isCauseOf(new IllegalStateException(ClosedConnectionException.INSTANCE))).isTrue();
        assertThat(Outage.isCauseOf(new CompletionException(new ConnectException("Connection refused")))).isTrue();
    }

    @Test
    void theInstancesOwnPoolClosedWhileStoppingIsAnOutageForAnotherInstanceToOutlast() {
        assertThat(Outage.isCauseOf(new CompletionException(new NoStackTraceThrowable("Pool closed")))).isTrue();
        assertThat(Outage.isCauseOf(new NoStackTraceThrowable("Something else"))).isFalse();
    }

    @Test
    void unreadableJsonIsNoOutageThoughItIsAnIoException() {
        assertThat(Outage.isCauseOf(new UncheckedIOException(new JsonParseException(null, "not JSON")))).isFalse();
        assertThat(Outage.isCauseOf(new PoisonEventException("broken contract"))).isFalse();
    }
}
