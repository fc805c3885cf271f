package care.sciatica.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Committed transactions per service database ({@code pg_stat_database.xact_commit}) and write transactions of the
 * whole server (transaction ids handed out: a read-only transaction takes none). xact_commit counts reads too, so the
 * polls of a run are in it; the transaction-id delta counts only writes, of every database.
 */
public final class DatabaseCommits {

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final List<String> databases;

    public DatabaseCommits(String jdbcUrl, String user, String password, List<String> databases) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.databases = List.copyOf(databases);
    }

    /**
     * The counters at one moment: commits and rows written (inserted, updated or deleted in the database's own
     * tables) per database, and the server's next transaction id.
     */
    public record Snapshot(Map<String, Long> commits, Map<String, Long> rowsWritten, long transactionIds) {

        /** What happened between {@code earlier} and this snapshot, per database (absent ones count 0). */
        public Snapshot minus(Snapshot earlier) {
            return new Snapshot(minus(commits, earlier.commits), minus(rowsWritten, earlier.rowsWritten),
                    transactionIds - earlier.transactionIds);
        }

        /** Commits per case by database, rounded to two decimals. */
        public Map<String, Double> perCase(long cases) {
            return perCase(commits, cases);
        }

        /** Rows written per case by database. */
        public Map<String, Double> rowsPerCase(long cases) {
            return perCase(rowsWritten, cases);
        }

        private static Map<String, Long> minus(Map<String, Long> later, Map<String, Long> earlier) {
            Map<String, Long> delta = new LinkedHashMap<>();
            later.forEach((database, count) -> delta.put(database, count - earlier.getOrDefault(database, 0L)));
            return delta;
        }

        private static Map<String, Double> perCase(Map<String, Long> counts, long cases) {
            Map<String, Double> perCase = new LinkedHashMap<>();
            counts.forEach((database, count) -> perCase.put(database, Throughput.perCase(count, cases)));
            return perCase;
        }

        public long totalCommits() {
            return commits.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Reads the counters. The statistics are flushed by each backend at most once a second, so call this a little
     * after the load stopped; {@code pg_stat_clear_snapshot()} makes the read see the latest flush.
     */
    public Snapshot snapshot() {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password)) {
            connection.createStatement().execute("SELECT pg_stat_clear_snapshot()");
            Map<String, Long> commits = new LinkedHashMap<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT xact_commit FROM pg_stat_database WHERE datname = ?")) {
                for (String database : databases) {
                    query.setString(1, database);
                    try (ResultSet row = query.executeQuery()) {
                        commits.put(database, row.next() ? row.getLong(1) : 0L);
                    }
                }
            }
            long transactionIds;
            try (ResultSet row = connection.createStatement().executeQuery(
                    "SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint")) {
                row.next();
                transactionIds = row.getLong(1);
            }
            return new Snapshot(commits, rowsWritten(), transactionIds);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read pg_stat_database at " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }

    /**
     * Waits until no service database writes a row for a whole second (at most {@code atMost}): the events of the
     * previous run have all been consumed, so the next run is measured alone.
     */
    public boolean awaitQuiet(Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        Map<String, Long> last = rowsWritten();
        while (System.nanoTime() < deadline) {
            Load.sleep(Duration.ofMillis(1200)); // statistics are flushed about once a second
            Map<String, Long> now = rowsWritten();
            if (now.equals(last)) {
                return true;
            }
            last = now;
        }
        return false;
    }

    /** Rows inserted, updated or deleted in each database's tables so far (pg_stat_user_tables of each). */
    private Map<String, Long> rowsWritten() {
        Map<String, Long> rows = new LinkedHashMap<>();
        String server = jdbcUrl.substring(0, jdbcUrl.lastIndexOf('/') + 1);
        for (String database : databases) {
            try (Connection connection = DriverManager.getConnection(server + database, user, password)) {
                connection.createStatement().execute("SELECT pg_stat_clear_snapshot()");
                try (ResultSet row = connection.createStatement().executeQuery(
                        "SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) FROM pg_stat_user_tables")) {
                    row.next();
                    rows.put(database, row.getLong(1));
                }
            } catch (SQLException e) {
                rows.put(database, 0L);
            }
        }
        return rows;
    }
}
