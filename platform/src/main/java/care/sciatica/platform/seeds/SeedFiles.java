package care.sciatica.platform.seeds;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Reads the clinic's data from seeds/ (rule sets, policies, calendars): the copy packaged with the service
 * ({@code classpath:…}) or a file named in configuration, so changing the data needs no code change.
 */
public final class SeedFiles {

    private static final String CLASSPATH = "classpath:";

    private SeedFiles() {
    }

    /** Opens {@code location} and hands it to {@code loader}, which parses and validates it. */
    public static <T> T read(String location, Function<Reader, T> loader) {
        try (Reader reader = open(location)) {
            return loader.apply(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + location, e);
        }
    }

    private static Reader open(String location) throws IOException {
        if (location.startsWith(CLASSPATH)) {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            InputStream in = (loader != null ? loader : SeedFiles.class.getClassLoader())
                    .getResourceAsStream(location.substring(CLASSPATH.length()));
            if (in == null) {
                throw new IOException("no such resource");
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }
        return Files.newBufferedReader(Path.of(location), StandardCharsets.UTF_8);
    }
}
