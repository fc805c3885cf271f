package care.sciatica.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the database alone does for a transaction shaped like one of the platform's writes: pgbench, 8 clients, each
 * transaction one ~1 KB row and one ~1 KB jsonb outbox row, in a scratch database dropped afterwards.
 */
public final class PgBaseline {

    static final String DATABASE = "bench_baseline";
    static final String SCRIPT = """
            \\set n random(1, 1000000000)
            BEGIN;
            INSERT INTO bench_record (id, site_id, body) VALUES (gen_random_uuid(), 'site-north', repeat(md5((:n)::text), 32));
            INSERT INTO bench_outbox (aggregate_id, event_type, payload)
                VALUES (gen_random_uuid(), 'care.sciatica.bench.v1', jsonb_build_object('n', (:n)::bigint, 'text', repeat(md5((:n)::text), 30)));
            COMMIT;
            """;
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");

    private final String host;
    private final int port;
    private final String user;
    private final String password;

    public PgBaseline(String host, int port, String user, String password) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    /** The baseline's result: transactions per second and pgbench's own summary. */
    public record Result(double tps, int clients, Duration duration, String output) {
    }

    public Result run(int clients, Duration duration, Path workDirectory) {
        try {
            recreate();
            Path script = workDirectory.resolve("outbox-shaped.sql");
            Files.createDirectories(workDirectory);
            Files.writeString(script, SCRIPT, StandardCharsets.UTF_8);
            List<String> command = new ArrayList<>(List.of(pgbench(), "-n", "-M", "prepared",
                    "-c", Integer.toString(clients), "-j", Integer.toString(Math.min(clients, 2)),
                    "-T", Long.toString(duration.toSeconds()), "-f", script.toString(),
                    "-h", host, "-p", Integer.toString(port), "-U", user, DATABASE));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("PGPASSWORD", password);
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("pgbench failed: " + output);
            }
            Matcher tps = TPS.matcher(output);
            if (!tps.find()) {
                throw new IllegalStateException("pgbench printed no tps: " + output);
            }
            return new Result(Double.parseDouble(tps.group(1)), clients, duration, output.trim());
        } catch (IOException e) {
            throw new IllegalStateException("Could not run pgbench: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while pgbench ran", e);
        } finally {
            drop();
        }
    }

    private void recreate() {
        drop();
        execute("postgres", "CREATE DATABASE " + DATABASE);
        execute(DATABASE, """
                CREATE TABLE bench_record (id uuid PRIMARY KEY, site_id text NOT NULL, body text NOT NULL,
                    created_at timestamptz NOT NULL DEFAULT now());
                CREATE TABLE bench_outbox (id bigserial PRIMARY KEY, aggregate_id uuid NOT NULL, event_type text NOT NULL,
                    payload jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now(), published_at timestamptz);
                CREATE INDEX bench_outbox_unpublished ON bench_outbox (id) WHERE published_at IS NULL;
                """);
    }

    private void drop() {
        execute("postgres", "DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
    }

    private void execute(String database, String sql) {
        String url = "jdbc:postgresql://%s:%d/%s".formatted(host, port, database);
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the baseline database: " + e.getMessage(), e);
        }
    }

    /** pgbench from the PATH, else from Debian's server package (/usr/lib/postgresql/&lt;version&gt;/bin). */
    static String pgbench() {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(directory, "pgbench"))) {
                return Path.of(directory, "pgbench").toString();
            }
        }
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(version -> version.resolve("bin/pgbench")).filter(Files::isExecutable)
                    .map(Path::toString).max(String::compareTo)
                    .orElseThrow(() -> new IllegalStateException("No pgbench: apt-get install postgresql-contrib"));
        } catch (IOException e) {
            throw new IllegalStateException("No pgbench: apt-get install postgresql-contrib", e);
        }
    }
}
