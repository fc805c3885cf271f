package care.sciatica.platform.failure;

import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.core.impl.NoStackTraceTimeoutException;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.util.HashSet;
import java.util.Set;

/**
 * Tells a failure of the infrastructure (the database unreachable, restarting, out of connections) from a failure of
 * the work itself. An outage says nothing about the event or the request: it must be waited out, never turned into a
 * dead letter or a 500.
 */
public final class Outage {

    /** What the reactive SQL client's pool answers once it has been closed. */
    static final String POOL_CLOSED = "Pool closed";

    private Outage() {
    }

    /** Whether {@code failure}, or anything that caused it, is an outage of the database or the network. */
    public static boolean isCauseOf(Throwable failure) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof DatabaseException database && unavailable(database.getSqlState())) {
                return true;
            }
            // Network failures only: a JSON or other I/O exception of the work itself is no outage.
            if (cause instanceof ClosedConnectionException || cause instanceof NoStackTraceTimeoutException
                    || cause instanceof SocketException
                    || cause instanceof SocketTimeoutException || cause instanceof ClosedChannelException) {
                return true;
            }
            // This instance is stopping and has closed its own pool: the work is another instance's to do, never a
            // dead letter (the two-replica test found completed sessions dead-lettered by a stopping peer).
            if (cause instanceof NoStackTraceThrowable && POOL_CLOSED.equals(cause.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE classes that say the server cannot serve now: 08 connection exception, 53 insufficient resources (too
     * many connections, out of memory or disk), 57P operator intervention (shutdown, starting up).
     */
    private static boolean unavailable(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("53")
                || sqlState.startsWith("57P"));
    }
}
