package care.sciatica.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * JFR recordings of the services while the load runs, through jcmd of the JDK running the benchmark
 * (JFR.start with the "profile" settings, JFR.stop writes the file), and each recording's hottest methods
 * ({@code jfr view hot-methods}) next to it as text.
 */
public final class Profiles {

    private static final String NAME = "sciatica-bench";

    private final Path directory;
    private final Map<String, Long> pids;

    public Profiles(Path directory, Map<String, Long> pids) {
        this.directory = directory;
        this.pids = Map.copyOf(pids);
    }

    public void start() {
        pids.forEach((service, pid) -> run(tool("jcmd"), Long.toString(pid), "JFR.start", "name=" + NAME,
                "settings=profile"));
    }

    /** Stops the recordings; returns the files written (a .jfr and its hot-methods .txt per service). */
    public List<Path> stop() {
        List<Path> files = new ArrayList<>();
        pids.forEach((service, pid) -> {
            Path recording = directory.resolve(service + ".jfr").toAbsolutePath();
            run(tool("jcmd"), Long.toString(pid), "JFR.stop", "name=" + NAME, "filename=" + recording);
            if (Files.isRegularFile(recording)) {
                files.add(recording);
                Path hot = directory.resolve(service + "-hot-methods.txt");
                try {
                    Files.writeString(hot, run(tool("jfr"), "view", "--width", "160", "hot-methods",
                            recording.toString()));
                    files.add(hot);
                } catch (IOException e) {
                    System.err.println("Could not write " + hot + ": " + e);
                }
            }
        });
        return files;
    }

    private static String tool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    private static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                System.err.println(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            System.err.println(String.join(" ", command) + " failed: " + e);
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
