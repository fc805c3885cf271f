package care.sciatica.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The command line of {@code ./bench}: which parts run, for how long, at which rate. Every part is bounded in time,
 * and everything it calls is on the loopback interface.
 */
public record Options(Set<String> modes, Duration baseline, Duration duration, int clients, int clinics, double rate,
                      Duration endpointDuration, boolean jfr, Path out) {

    static final List<String> ALL_MODES = List.of("baseline", "intake", "closed", "open", "endpoints");
    static final String USAGE = """
            ./bench [--modes baseline,intake,closed,open,endpoints] [--duration 30] [--baseline 20] [--clients 8]
                    [--clinics 8] [--rate 10] [--endpoint-duration 5] [--jfr] [--out .local-run/bench]
              baseline   pgbench, outbox-shaped transactions (one ~1 KB row + one ~1 KB jsonb outbox row), --clients
              intake     intake POSTs only, closed loop with --clients concurrent front desks
              closed     complete cases, closed loop with --clinics concurrent clinics
              open       complete cases, open loop at --rate cases/s
              endpoints  each read endpoint alone, closed loop with --clients callers, --endpoint-duration each
              --jfr      records a JFR profile of each service over the pipeline modes (jcmd JFR.start/stop)
            durations in seconds; at most 600 s each.""";

    public static Options parse(String... args) {
        Set<String> modes = new LinkedHashSet<>(ALL_MODES);
        Duration baseline = Duration.ofSeconds(20);
        Duration duration = Duration.ofSeconds(30);
        Duration endpointDuration = Duration.ofSeconds(5);
        int clients = 8;
        int clinics = 8;
        double rate = 10;
        boolean jfr = false;
        Path out = Path.of(".local-run/bench");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--modes" -> {
                    modes = new LinkedHashSet<>(List.of(value(args, ++i, arg).split(",")));
                    if (!ALL_MODES.containsAll(modes)) {
                        throw new IllegalArgumentException("--modes: one or more of " + ALL_MODES);
                    }
                }
                case "--duration" -> duration = seconds(value(args, ++i, arg), arg);
                case "--baseline" -> baseline = seconds(value(args, ++i, arg), arg);
                case "--endpoint-duration" -> endpointDuration = seconds(value(args, ++i, arg), arg);
                case "--clients" -> clients = positive(value(args, ++i, arg), arg);
                case "--clinics" -> clinics = positive(value(args, ++i, arg), arg);
                case "--rate" -> {
                    rate = Double.parseDouble(value(args, ++i, arg));
                    if (rate <= 0 || rate > 1000) {
                        throw new IllegalArgumentException("--rate: between 0 and 1000 cases/s");
                    }
                }
                case "--jfr" -> jfr = true;
                case "--help", "-h" -> throw new IllegalArgumentException("Usage:");
                case "--out" -> out = Path.of(value(args, ++i, arg));
                default -> throw new IllegalArgumentException("Unknown option " + arg);
            }
        }
        return new Options(Set.copyOf(modes), baseline, duration, clients, clinics, rate, endpointDuration, jfr, out);
    }

    boolean runs(String mode) {
        return modes.contains(mode);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static Duration seconds(String value, String option) {
        int seconds = positive(value, option);
        if (seconds > 600) {
            throw new IllegalArgumentException(option + ": at most 600 s");
        }
        return Duration.ofSeconds(seconds);
    }

    private static int positive(String value, String option) {
        int number = Integer.parseInt(value);
        if (number <= 0 || number > 10_000) {
            throw new IllegalArgumentException(option + ": a whole number from 1 to 10000");
        }
        return number;
    }
}
