package care.sciatica.local;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Creates the per-service databases on the local PostgreSQL server and tells how to reach them.
 */
public final class PostgresDatabases {

    private static final String DUPLICATE_DATABASE = "42P04";
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final String host;
    private final int port;
    private final String username;
    private final String password;

    public PostgresDatabases(String host, int port, String username, String password) {
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
    }

    /**
     * The dev-only defaults (127.0.0.1:5432, sciatica/sciatica), each overridable by {@code SCIATICA_DB_HOST},
     * {@code SCIATICA_DB_PORT}, {@code SCIATICA_DB_USER} and {@code SCIATICA_DB_PASSWORD}.
     */
    public static PostgresDatabases fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    static PostgresDatabases fromEnvironment(Map<String, String> env) {
        return new PostgresDatabases(
                env.getOrDefault("SCIATICA_DB_HOST", "127.0.0.1"),
                Integer.parseInt(env.getOrDefault("SCIATICA_DB_PORT", "5432")),
                env.getOrDefault("SCIATICA_DB_USER", "sciatica"),
                env.getOrDefault("SCIATICA_DB_PASSWORD", "sciatica"));
    }

    /** Creates the database unless it exists; safe when several JVMs race to create the same one. */
    public void ensureDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        try (Connection connection = connect("postgres")) {
            if (exists(connection, name)) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                if (!DUPLICATE_DATABASE.equals(e.getSQLState())) {
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not ensure database " + name + " on " + host + ":" + port
                    + " (is PostgreSQL running? see deploy/local/bin/ensure-postgres.sh)", e);
        }
    }

    /** Drops the database if it exists (ending its sessions) and creates it empty: a system test's clean start. */
    public void recreateDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not recreate database " + name + " on " + host + ":" + port, e);
        }
    }

    /** Opens a JDBC connection to the named database; the caller closes it. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), username, password);
    }

    /** The URL for Quarkus' reactive PostgreSQL client, e.g. {@code postgresql://127.0.0.1:5432/intake}. */
    public String reactiveUrl(String database) {
        return "postgresql://%s:%d/%s".formatted(host, port, database);
    }

    /** The JDBC URL, e.g. {@code jdbc:postgresql://127.0.0.1:5432/intake}. */
    public String jdbcUrl(String database) {
        return "jdbc:" + reactiveUrl(database);
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    private static boolean exists(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }
}
