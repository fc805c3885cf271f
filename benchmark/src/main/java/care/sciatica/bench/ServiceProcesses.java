package care.sciatica.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The services' processes as Linux shows them: found by the TCP port they listen on (the socket's inode in
 * /proc/net/tcp, then the process holding it), measured from /proc/&lt;pid&gt;/stat (CPU) and status (memory).
 */
public final class ServiceProcesses {

    /** Clock ticks per second of /proc/&lt;pid&gt;/stat; 100 on every Linux this runs on (getconf CLK_TCK). */
    static final int TICKS_PER_SECOND = 100;

    private ServiceProcesses() {
    }

    /** A process's CPU time so far and its memory now. */
    public record Sample(long pid, long cpuTicks, long rssKb, long peakRssKb) {

        public double cpuSecondsSince(Sample earlier) {
            return (cpuTicks - earlier.cpuTicks) / (double) TICKS_PER_SECOND;
        }
    }

    /** The pid listening on {@code port} on any address, if this user may see it. */
    public static OptionalLong pidListeningOn(int port) {
        Set<String> inodes = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            inodes.addAll(listeningInodes(Path.of(table), port));
        }
        if (inodes.isEmpty()) {
            return OptionalLong.empty();
        }
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                if (holdsSocket(process, inodes)) {
                    return OptionalLong.of(Long.parseLong(process.getFileName().toString()));
                }
            }
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    /** The inodes of sockets in LISTEN state (0A) on {@code port} in one /proc/net/tcp table. */
    static Set<String> listeningInodes(Path table, int port) {
        Set<String> inodes = new HashSet<>();
        String hexPort = ":%04X".formatted(port);
        try {
            List<String> lines = Files.readAllLines(table);
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 9 && fields[1].endsWith(hexPort) && "0A".equals(fields[3])) {
                    inodes.add(fields[9]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // no such table (no IPv6) or unreadable: nothing listens there as far as we can see
        }
        return inodes;
    }

    private static boolean holdsSocket(Path process, Set<String> inodes) {
        try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(process.resolve("fd"))) {
            for (Path descriptor : descriptors) {
                String target = Files.readSymbolicLink(descriptor).toString();
                if (target.startsWith("socket:[") && inodes.contains(target.substring(8, target.length() - 1))) {
                    return true;
                }
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return false;
    }

    public static Optional<Sample> sample(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            Map<String, Long> status = status(Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")));
            return Optional.of(new Sample(pid, cpuTicks(stat), status.getOrDefault("VmRSS", 0L),
                    status.getOrDefault("VmHWM", 0L)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** utime + stime (fields 14 and 15), counted after the command name, which may hold spaces and parentheses. */
    static long cpuTicks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // fields[0] is field 3 (state): utime is field 14, stime field 15
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** The "Key:   123 kB" lines of /proc/&lt;pid&gt;/status, in kB. */
    static Map<String, Long> status(List<String> lines) {
        Map<String, Long> values = new LinkedHashMap<>();
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.endsWith(" kB")) {
                String number = line.substring(colon + 1, line.length() - 3).trim();
                values.put(line.substring(0, colon), Long.parseLong(number));
            }
        }
        return values;
    }

    /** Busy and total ticks of the whole host (/proc/stat's first line). */
    public record HostCpu(long busy, long total) {

        public static HostCpu now() {
            try {
                String[] fields = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
                long total = 0;
                for (int i = 1; i < fields.length && i <= 8; i++) {
                    total += Long.parseLong(fields[i]);
                }
                long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
                return new HostCpu(total - idle, total);
            } catch (IOException e) {
                return new HostCpu(0, 0);
            }
        }

        /** The share of the host's CPU time that was busy since {@code earlier} (0..1). */
        public double busySince(HostCpu earlier) {
            long total = this.total - earlier.total;
            return total == 0 ? 0 : Throughput.round((busy - earlier.busy) / (double) total, 3);
        }
    }
}
