package care.sciatica.intake.domain;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The domain stays plain Java: no framework, no persistence, no JSON. */
class DomainPurityTest {

    private static final Path DOMAIN = Path.of("src/main/java/care/sciatica/intake/domain");

    @Test
    void theDomainImportsNoFramework() throws IOException {
        try (Stream<Path> files = Files.walk(DOMAIN)) {
            List<Path> sources = files.filter(f -> f.toString().endsWith(".java")).toList();
            assertThat(sources).isNotEmpty();
            for (Path source : sources) {
                assertThat(Files.readAllLines(source)).as(source.toString())
                        .filteredOn(line -> line.startsWith("import "))
                        .noneMatch(line -> line.matches("import (static )?(io\\.quarkus|jakarta|javax|org\\.hibernate"
                                + "|io\\.smallrye|io\\.vertx|org\\.eclipse|com\\.fasterxml)\\..*"));
            }
        }
    }
}
